package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C extension's base type as pgj declares it: a fixed-length stored form ({@code internalLength},
 * {@code passedByValue}, {@code alignment}, {@code category}), casts {@code WITHOUT FUNCTION}
 * ({@code @BinaryCoercible}) and functions that are a built-in of the server ({@code @BuiltinFunction}).
 */
class FixedLengthTypesTest {
    @TempDir
    Path dir;

    private Compilation compile(String body) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.types.*;
                import java.util.*;
                public class Demo {
                """ + body + "\n}\n");
    }

    private String sql(String body) {
        Compilation c = compile(body);
        assertTrue(c.errors().isEmpty(), () -> c.errorMessages().toString());
        return c.sql();
    }

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
