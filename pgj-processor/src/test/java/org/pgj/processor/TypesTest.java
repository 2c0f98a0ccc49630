package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL type each supported Java type becomes in the install script. */
class TypesTest {
    @TempDir
    Path dir;

    private String sql(String body) {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.types.*;
                import java.util.*;
                import java.time.*;
                public class Demo {
                """ + body + "\n}\n");
        assertTrue(c.errors().isEmpty(), () -> c.errorMessages().toString());
        return c.sql();
    }

    @Test
    void scalarTypes() {
        String sql = sql("""
                @PgFunction public static byte f1(Byte a, java.math.BigDecimal b, Numeric c, java.nio.ByteBuffer d) { return 0; }
                @PgFunction public static Instant f2(LocalDate a, LocalTime b, OffsetTime c, LocalDateTime d, OffsetDateTime e) { return null; }
                @PgFunction public static Interval f3(UUID a, Inet b, Point c, Box d, Tid e, Oid f, RegClass g) { return null; }
                """);
        assertTrue(sql.contains("f1(a \"char\", b numeric, c numeric, d bytea) RETURNS \"char\" "), sql);
        assertTrue(sql.contains("CALLED ON NULL INPUT"), "a Byte box takes NULL: " + sql);
        assertTrue(sql.contains("f2(a date, b time, c time with time zone, d timestamp, e timestamp with time zone)"
                + " RETURNS timestamp with time zone "), sql);
        assertTrue(sql.contains("f3(a uuid, b inet, c point, d box, e tid, f oid, g regclass) RETURNS interval "), sql);
    }

    @Test
    void primitiveArrayViews() {
        String sql = sql("""
                @PgFunction public static java.nio.IntBuffer f1(java.nio.ShortBuffer a, java.nio.IntBuffer b, java.nio.LongBuffer c,
                        java.nio.FloatBuffer d, java.nio.DoubleBuffer e) { return b; }
                """);
        assertTrue(sql.contains("f1(a smallint[], b integer[], c bigint[], d real[], e double precision[]) RETURNS integer[] "), sql);
        assertTrue(sql.contains("STRICT"), "a view is NULL-able only when marked @Nullable: " + sql);
    }

    @Test
    void arraysListsAndRanges() {
        String sql = sql("""
                @PgFunction public static int[] f1(Integer[] a, String[][] b, byte[][] c, List<LocalDate> d) { return null; }
                @PgFunction public static Range<Integer> f2(Range<Long> a, Range<java.math.BigDecimal> b, Range<LocalDate> c,
                        Range<LocalDateTime> d, Range<OffsetDateTime> e, Optional<List<UUID>> f) { return null; }
                """);
        assertTrue(sql.contains("f1(a integer[], b text[], c bytea[], d date[]) RETURNS integer[] "), sql);
        assertTrue(sql.contains("f2(a int8range, b numrange, c daterange, d tsrange, e tstzrange, f uuid[]) RETURNS int4range "),
                sql);
    }

    @Test
    void mappedByTypesUseTheirSqlType() {
        String sql = sql("""
                @MappedBy(value = Money.Converter.class, sqlType = "numeric")
                public record Money(long cents) {
                    public static final class Converter implements TypeConverter<Money, java.math.BigDecimal> {
                        public java.math.BigDecimal toCarrier(Money m) { return java.math.BigDecimal.valueOf(m.cents, 2); }
                        public Money fromCarrier(java.math.BigDecimal d) { return new Money(d.movePointRight(2).longValueExact()); }
                    }
                }
                @PgFunction public static Money twice(Money m, List<Money> many) { return m; }
                """);
        assertTrue(sql.contains("twice(m numeric, many numeric[]) RETURNS numeric "), sql);
    }

    @Test
    void enumsBecomeEnumTypesCreatedBeforeWhatUsesThem() {
        String sql = sql("""
                public enum Mood { HAPPY, OK, SAD }
                public record Feeling(Mood mood, int level) { }
                @EnumType(name = "weekday", existing = true) public enum Day { MON, TUE }
                @PgFunction public static Mood f(Mood m, Mood[] many, List<Mood> list, Optional<Mood> maybe) { return m; }
                @PgFunction public static Feeling g(Feeling f, Day d) { return f; }
                """);
        assertTrue(sql.contains("CREATE TYPE mood AS ENUM ('HAPPY', 'OK', 'SAD');"), sql);
        assertTrue(sql.contains("f(m mood, many mood[], list mood[], maybe mood) RETURNS mood "), sql);
        assertTrue(sql.contains("g(f feeling, d weekday) RETURNS feeling "), sql);
        assertTrue(sql.indexOf("CREATE TYPE mood") < sql.indexOf("CREATE TYPE feeling"),
                "the composite type comes after the enum type of its component: " + sql);
        assertTrue(!sql.contains("CREATE TYPE weekday"), "an existing type is not created: " + sql);
    }

    @Test
    void enumTypeNameMistakesAreCompileErrors() {
        Compilation builtIn = Compilation.compile(dir.resolve("a"), List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    public enum Date { A }
                    @PgFunction public static int f(Date d) { return 0; }
                }
                """);
        builtIn.assertOneError("enum org.example.Demo$Date would be the enum type date", "built-in type");
        Compilation clash = Compilation.compile(dir.resolve("b"), List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    public enum Mood { A }
                    @EnumType(name = "mood") public enum Feeling { B }
                    @PgFunction public static int f(Mood m, Feeling f) { return 0; }
                }
                """);
        clash.assertOneError("would be the enum type mood", "@EnumType(name");
        Compilation empty = Compilation.compile(dir.resolve("c"), List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    public enum Nothing { }
                    @PgFunction public static int f(Nothing n) { return 0; }
                }
                """);
        empty.assertOneError("enum org.example.Demo$Nothing has no constants");
    }
}
