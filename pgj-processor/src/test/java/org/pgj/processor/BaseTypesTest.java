package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @PgType}: the base type's SQL, in order, its derived operators, its storage (fixed lengths),
 * its casts WITHOUT FUNCTION, built-in functions, and what is refused.
 */
class BaseTypesTest {
    @TempDir
    Path dir;

    private Compilation compile(String body) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.types.*;
                import org.pgj.types.PgType.Derive;
                import java.util.*;
                public class Demo {
                """ + body + "\n}\n");
    }

    private String sql(String body) {
        Compilation c = compile(body);
        assertTrue(c.errors().isEmpty(), () -> c.errorMessages().toString());
        return c.sql();
    }

    /** Input and output are C functions of pgj.so (llvmjit calls them directly), found through the send function. */
    @Test
    void ioFunctionsBetweenTheShellAndTheType() {
        String sql = sql("""
                @PgType public record Point3(double x, double y, double z) { }
                """);
        String type = """
                CREATE TYPE point3;
                CREATE FUNCTION point3_in(value cstring) RETURNS point3 LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pgj_type_input';
                CREATE FUNCTION point3_out(value point3) RETURNS cstring LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE AS 'MODULE_PATHNAME', 'pgj_type_output';
                CREATE FUNCTION point3_recv(value internal) RETURNS point3 LANGUAGE pgj_demo IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Demo$Point3::receive';
                CREATE FUNCTION point3_send(value point3) RETURNS bytea LANGUAGE pgj_demo IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Demo$Point3::send';
                CREATE TYPE point3 (INPUT = point3_in, OUTPUT = point3_out, RECEIVE = point3_recv, SEND = point3_send, INTERNALLENGTH = VARIABLE, STORAGE = extended);
                """;
        assertTrue(sql.contains(type), sql);
        assertFalse(sql.contains("OPERATOR"), "no operators unless derived: " + sql);
    }

    @Test
    void derivedOperatorsAndOperatorClasses() {
        String sql = sql("""
                @PgType(name = "ver", derive = {Derive.EQ, Derive.ORD, Derive.HASH})
                public record Version(int major, int minor) implements Comparable<Version> {
                    public int compareTo(Version o) { return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor); }
                }
                """);
        for (String expected : List.of(
                "CREATE FUNCTION ver_eq(a ver, b ver) RETURNS boolean LANGUAGE pgj_demo IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Demo$Version::eq';",
                "CREATE OPERATOR = (FUNCTION = ver_eq, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);",
                "CREATE OPERATOR <> (FUNCTION = ver_ne, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);",
                "CREATE OPERATOR < (FUNCTION = ver_lt, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);",
                "CREATE OPERATOR <= (FUNCTION = ver_le, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);",
                "CREATE OPERATOR > (FUNCTION = ver_gt, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);",
                "CREATE OPERATOR >= (FUNCTION = ver_ge, LEFTARG = ver, RIGHTARG = ver, COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);",
                "CREATE FUNCTION ver_cmp(a ver, b ver) RETURNS integer",
                "CREATE FUNCTION ver_hash(value ver) RETURNS integer",
                "CREATE OPERATOR CLASS ver_ops DEFAULT FOR TYPE ver USING btree AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 ver_cmp(ver, ver);",
                "CREATE OPERATOR CLASS ver_ops DEFAULT FOR TYPE ver USING hash AS OPERATOR 1 =, FUNCTION 1 ver_hash(ver);")) {
            assertTrue(sql.contains(expected), expected + " in " + sql);
        }
        assertTrue(sql.indexOf("CREATE TYPE ver (") < sql.indexOf("CREATE FUNCTION ver_eq"), sql);
        assertTrue(sql.indexOf("CREATE FUNCTION ver_cmp") < sql.indexOf("USING btree"), sql);
    }

    @Test
    void equalityOnlyHasNoOrderingNorHashing() {
        String sql = sql("""
                @PgType(derive = Derive.EQ) public record Tag(String name) { }
                """);
        assertTrue(sql.contains("RESTRICT = eqsel, JOIN = eqjoinsel);"), "neither HASHES nor MERGES: " + sql);
        assertFalse(sql.contains("OPERATOR CLASS"), sql);
        assertFalse(sql.contains("tag_lt"), sql);
    }

    @Test
    void functionsAndCompositesUseTheTypeAfterIt() {
        String sql = sql("""
                @PgType public record Version(int major) { }
                public record Release(String name, Version version) { }
                @PgFunction public static Version version(int major) { return new Version(major); }
                @PgFunction public static Release release(Release r, Version[] many, List<Version> list, Optional<Version> maybe) { return r; }
                """);
        assertTrue(sql.contains("CREATE TYPE release AS (name text, version version);"), sql);
        assertTrue(sql.contains("release(r release, many version[], list version[], maybe version) RETURNS release "), sql);
        int type = sql.indexOf("CREATE TYPE version (");
        assertTrue(type >= 0 && type < sql.indexOf("CREATE TYPE release") && type < sql.indexOf("CREATE FUNCTION version("), sql);
    }

    @Test
    void aTypeUsedOnlyByItsDeclarationIsCreated() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.types.PgType;
                @PgType public record Price(long cents) { }
                """);
        assertTrue(c.sql().contains("CREATE TYPE price (INPUT = price_in"), c.sql());
    }

    @Test
    void jsonWithoutJacksonIsAWarning() {
        Compilation json = compile("""
                @PgType public record Tag(String name) { }
                """);
        assertTrue(json.diagnostics.toString().contains("which is not on the class path: add com.fasterxml.jackson.core:jackson-databind"),
                json.diagnostics::toString);
        Compilation codec = compile("""
                @PgType(codec = Tag.Codec.class) public record Tag(String name) {
                    public static final class Codec implements TypeCodec<Tag> {
                        public String toText(Tag t) { return t.name(); }
                        public Tag fromText(String s) { return new Tag(s); }
                    }
                }
                """);
        assertTrue(codec.diagnostics.isEmpty(), codec.diagnostics::toString);
        assertTrue(codec.sql().contains("CREATE TYPE tag (INPUT = tag_in"), codec::sql);
    }

    @Test
    void orderingNeedsComparable() {
        compile("""
                @PgType(derive = {Derive.EQ, Derive.ORD}) public record Tag(String name) { }
                """).assertOneError("@PgType org.example.Demo$Tag: derive ORD needs the class to implement Comparable<Tag>");
    }

    @Test
    void anInvalidTypeIsReportedOnceHoweverOftenItIsUsed() {
        compile("""
                @PgType(derive = {Derive.EQ, Derive.ORD}) public record Tag(String name) { }
                @PgFunction public static Tag f(Tag a, Tag[] b) { return a; }
                @PgFunction public static Tag g(List<Tag> a) { return null; }
                """).assertOneError("derive ORD needs the class to implement Comparable<Tag>");
    }

    @Test
    void orderingAndHashingNeedEquality() {
        compile("""
                @PgType(derive = Derive.HASH) public record Tag(String name) { }
                """).assertOneError("needs EQ too");
    }

    @Test
    void aClassMustOverrideEqualsAndHashCode() {
        Compilation c = compile("""
                @PgType(derive = {Derive.EQ, Derive.HASH}) public static class Tag { public String name; }
                """);
        assertEquals(2, c.errors().size(), () -> c.errorMessages().toString());
        assertTrue(c.errorMessages().toString().contains("override equals(Object)"), c.errorMessages().toString());
        assertTrue(c.errorMessages().toString().contains("override hashCode()"), c.errorMessages().toString());
    }

    @Test
    void builtInNamesAndClashesAreRefused() {
        compile("""
                @PgType public record Point(double x, double y) { }
                """).assertOneError("@PgType org.example.Demo$Point would be the type point, which is the name of a built-in type");
        compile("""
                @PgType(name = "tag") public record A(int a) { }
                @PgType(name = "tag") public record B(int b) { }
                """).assertOneError("would be the type tag, as org.example.Demo$A is");
    }

    @Test
    void interfacesAndMappedByAreRefused() {
        compile("""
                @PgType public interface Shape { }
                """).assertOneError("must be a record or a concrete class");
        compile("""
                @PgType @MappedBy(value = TypeConverter.class, sqlType = "text") public record Tag(String name) { }
                """).assertOneError("cannot also be @MappedBy or @CompositeType");
    }

    @Test
    void aFunctionClashingWithAnIoFunctionIsReported() {
        compile("""
                @PgType public record Tag(String name) { }
                @PgFunction public static Tag tagIn(@SqlType("cstring") String s) { return new Tag(s); }
                """).assertOneError("duplicate SQL function tag_in(cstring)");
    }

    // Fixed-length types, casts WITHOUT FUNCTION (@BinaryCoercible), built-in functions (@BuiltinFunction).

    @Test
    void passedByValueWithAlignmentAndCategory() {
        String sql = sql("""
                @PgType(name = "num", internalLength = 8, passedByValue = true, alignment = PgType.Alignment.DOUBLE, category = "N")
                public record Num(long value) { }
                @PgFunction public static Num id(Num n) { return n; }
                """);
        assertTrue(sql.contains("CREATE TYPE num (INPUT = num_in, OUTPUT = num_out, RECEIVE = num_recv, SEND = num_send,"
                + " INTERNALLENGTH = 8, PASSEDBYVALUE, ALIGNMENT = double, CATEGORY = 'N');"), sql);
    }

    @Test
    void fixedLengthByReferenceKeepsTheServersAlignment() {
        String sql = sql("""
                @PgType(internalLength = 16) public record Pair(long a, long b) { }
                @PgFunction public static Pair id(Pair p) { return p; }
                """);
        assertTrue(sql.contains("SEND = pair_send, INTERNALLENGTH = 16);"), sql);
    }

    @Test
    void aVariableLengthTypeMayHaveACategory() {
        String sql = sql("""
                @PgType(category = "S") public record Tag(String name) { }
                @PgFunction public static Tag id(Tag t) { return t; }
                """);
        assertTrue(sql.contains("INTERNALLENGTH = VARIABLE, STORAGE = extended, CATEGORY = 'S');"), sql);
    }

    @Test
    void binaryCoercibleCastsFollowTheType() {
        String sql = sql("""
                @PgType(name = "num", internalLength = 8, passedByValue = true)
                @BinaryCoercible(to = "bigint", context = PgCast.Context.IMPLICIT)
                @BinaryCoercible(from = "bigint")
                @BinaryCoercible(from = "bigint_alias", context = PgCast.Context.ASSIGNMENT)
                public record Num(long value) { }
                @PgFunction public static Num id(Num n) { return n; }
                """);
        String casts = """
                CREATE CAST (num AS bigint) WITHOUT FUNCTION AS IMPLICIT;
                CREATE CAST (bigint AS num) WITHOUT FUNCTION;
                CREATE CAST (bigint_alias AS num) WITHOUT FUNCTION AS ASSIGNMENT;
                """;
        assertTrue(sql.contains(casts), sql);
        assertTrue(sql.indexOf("CREATE TYPE num (") < sql.indexOf("CREATE CAST (num AS bigint)"), sql);
    }

    @Test
    void aBuiltinFunctionIsLanguageInternalWithItsOperator() {
        String sql = sql("""
                @PgType(name = "num", internalLength = 8, passedByValue = true) public record Num(long value) { }
                @PgFunction(volatility = Volatility.IMMUTABLE)
                @BuiltinFunction("int8lt")
                @PgOperator(value = "<", commutator = ">", negator = ">=", restrict = "scalarltsel", join = "scalarltjoinsel")
                public static boolean numlt(Num a, Num b) { return a.value() < b.value(); }
                @PgFunction(volatility = Volatility.IMMUTABLE)
                @BuiltinFunction("int8um")
                @PgOperator("-")
                public static Num numum(Num a) { return new Num(-a.value()); }
                """);
        assertTrue(sql.contains("CREATE FUNCTION numlt(a num, b num) RETURNS boolean LANGUAGE internal IMMUTABLE STRICT"
                + " PARALLEL UNSAFE AS 'int8lt';\nCREATE OPERATOR < (FUNCTION = numlt, LEFTARG = num, RIGHTARG = num,"), sql);
        assertTrue(sql.contains("LANGUAGE internal IMMUTABLE STRICT PARALLEL UNSAFE AS 'int8um';\n"
                + "CREATE OPERATOR - (FUNCTION = numum, RIGHTARG = num);"), sql);
        assertTrue(sql.indexOf("CREATE TYPE num (") < sql.indexOf("CREATE FUNCTION numlt"), sql);
    }

    @Test
    void lengthsTheServerRefusesAreBuildErrors() {
        compile("""
                @PgType(internalLength = 3, passedByValue = true) public record Odd(int v) { }
                @PgFunction public static Odd id(Odd o) { return o; }
                """).assertOneError("passedByValue needs internalLength 1, 2, 4 or 8 (a Datum holds at most 8 bytes), not 3");
        compile("""
                @PgType(passedByValue = true) public record Odd(int v) { }
                @PgFunction public static Odd id(Odd o) { return o; }
                """).assertOneError("passedByValue needs internalLength 1, 2, 4 or 8");
        compile("""
                @PgType(internalLength = 0) public record Odd(int v) { }
                @PgFunction public static Odd id(Odd o) { return o; }
                """).assertOneError("internalLength 0 is not a length");
        compile("""
                @PgType(alignment = PgType.Alignment.CHAR) public record Odd(int v) { }
                @PgFunction public static Odd id(Odd o) { return o; }
                """).assertOneError("a variable-length value starts with a 4-byte header, so its alignment is INT4 or DOUBLE, not CHAR");
        compile("""
                @PgType(category = "numeric") public record Odd(int v) { }
                @PgFunction public static Odd id(Odd o) { return o; }
                """).assertOneError("category \"numeric\" must be one ASCII upper-case letter");
    }

    @Test
    void aBinaryCoercibleCastNamesOneOtherTypeOfAFixedLengthType() {
        compile("""
                @PgType(internalLength = 8, passedByValue = true) @BinaryCoercible(to = "bigint", from = "bigint")
                public record Num(long v) { }
                @PgFunction public static Num id(Num n) { return n; }
                """).assertOneError("@BinaryCoercible names the other type in exactly one of to and from, not both");
        compile("""
                @PgType(internalLength = 8, passedByValue = true) @BinaryCoercible
                public record Num(long v) { }
                @PgFunction public static Num id(Num n) { return n; }
                """).assertOneError("not neither");
        compile("""
                @PgType @BinaryCoercible(to = "bytea") public record Blob(String v) { }
                @PgFunction public static Blob id(Blob b) { return b; }
                """).assertOneError("@BinaryCoercible needs a fixed internalLength");
    }

    @Test
    void aBuiltinFunctionNamesACFunctionOfAFunction() {
        compile("""
                @PgFunction @BuiltinFunction("int8 eq; DROP TABLE x") public static boolean eq(long a, long b) { return a == b; }
                """).assertOneError("@BuiltinFunction(\"int8 eq; DROP TABLE x\") is not the C name of a built-in function");
        compile("""
                @PgProcedure @BuiltinFunction("int8eq") public static void p(long a) { }
                """).assertOneError("@BuiltinFunction needs a @PgFunction");
    }
}
