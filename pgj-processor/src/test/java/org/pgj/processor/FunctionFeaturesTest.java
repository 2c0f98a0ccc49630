package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sets, records, defaults, casts and operators: the SQL they become, and the errors for bad declarations. */
class FunctionFeaturesTest {
    @TempDir
    Path dir;

    private Compilation compileDemo(String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import java.util.*;
                import java.util.stream.*;
                public class Demo {
                """ + members + "\n}\n");
    }

    private static void contains(String text, String part) {
        assertTrue(text.contains(part), () -> "'" + text + "' lacks '" + part + "'");
    }

    @Test
    void setsOfScalarsAreSetof() {
        List<String> fns = compileDemo("""
                @PgFunction public static Stream<Integer> a(int n) { return null; }
                @PgFunction public static Iterator<String> b() { return null; }
                @PgFunction public static Iterable<byte[]> c() { return null; }
                @PgFunction public static Stream<Optional<Long>> d() { return null; }
                @PgFunction @SqlType("varchar") public static Stream<String> e() { return null; }
                """).functions();
        contains(fns.get(0), "a(n integer) RETURNS SETOF integer ");
        contains(fns.get(1), "b() RETURNS SETOF text ");
        contains(fns.get(2), "c() RETURNS SETOF bytea ");
        contains(fns.get(3), "d() RETURNS SETOF bigint ");
        contains(fns.get(4), "e() RETURNS SETOF varchar ");
    }

    @Test
    void setsOfRecordsAreTablesAndCreateNoType() {
        String sql = compileDemo("""
                public record Row(String wordText, int n, Optional<Double> score) {}
                @PgFunction public static Stream<Row> rows(String text) { return null; }
                """).sql();
        contains(sql, "CREATE FUNCTION rows(text text) RETURNS TABLE(word_text text, n integer, score double precision) ");
        assertTrue(!sql.contains("CREATE TYPE"), sql);
    }

    @Test
    void recordsInAndOutAreCompositeTypesCreatedFirstNestedOnesBeforeThem() {
        // inner and outer are SQL keywords: quoted wherever they appear.
        String sql = compileDemo("""
                @PgFunction public static Outer make(Inner i) { return null; }
                public record Outer(String name, Inner inner, Optional<Inner> maybe) {}
                public record Inner(int a, Long b) {}
                @CompositeType(name = "my_table", existing = true) public record Existing(int a) {}
                @PgFunction public static int count(Existing e) { return 0; }
                """).sql();
        int inner = sql.indexOf("CREATE TYPE \"inner\" AS (a integer, b bigint);");
        int outer = sql.indexOf("CREATE TYPE \"outer\" AS (name text, \"inner\" \"inner\", maybe \"inner\");");
        int make = sql.indexOf("CREATE FUNCTION make(i \"inner\") RETURNS \"outer\" ");
        assertTrue(inner > 0 && outer > inner && make > outer, sql);
        contains(sql, "CREATE FUNCTION count(e my_table) RETURNS integer ");
        assertTrue(!sql.contains("CREATE TYPE my_table"), sql);
    }

    @Test
    void overloadsNamedLikeTheirTypeNeedNoOrdering() {
        String sql = compileDemo("""
                public record Price(long cents) {}
                @PgFunction public static Price price(long cents) { return null; }
                @PgFunction public static Price price(String text) { return null; }
                @PgFunction(requires = "price") public static String show(Price p) { return ""; }
                """).sql();
        int type = sql.indexOf("CREATE TYPE price AS (cents bigint);");
        int show = sql.indexOf("CREATE FUNCTION show(p price)");
        assertTrue(type > 0 && sql.indexOf("CREATE FUNCTION price(cents bigint)") > type
                && sql.indexOf("CREATE FUNCTION price(text text)") > type && show > sql.indexOf("CREATE FUNCTION price(text text)"), sql);
    }

    @Test
    void aRecordNamedLikeABuiltInTypeIsAnError() {
        compileDemo("""
                public record Point(double x, double y) {}
                @PgFunction public static Point p() { return null; }
                """).assertOneError("record org.example.Demo$Point would be the composite type point, which is the name of a built-in type");
    }

    @Test
    void sqlTypeOnAComponent() {
        String sql = compileDemo("""
                public record Tag(@SqlType("varchar(20)") String name, int weight) {}
                @PgFunction public static Tag tag(String name) { return null; }
                """).sql();
        contains(sql, "CREATE TYPE tag AS (name varchar(20), weight integer);");
    }

    @Test
    void aRecordThatContainsItselfIsAnError() {
        compileDemo("""
                public record Node(int v, Node next) {}
                @PgFunction public static int f(Node n) { return 0; }
                """).assertOneError("record org.example.Demo$Node contains itself");
    }

    @Test
    void aTableColumnNamedLikeAParameterIsAnError() {
        compileDemo("""
                public record Row(int n) {}
                @PgFunction public static Stream<Row> rows(int n) { return null; }
                """).assertOneError("rows(int): column n of the result", "has the name of a parameter");
    }

    @Test
    void outParametersInsteadOfACompositeType() {
        // Errors first: each compile writes into the same folder.
        compileDemo("""
                @PgFunction @OutParameters public static int f() { return 0; }
                """).assertOneError("f() has @OutParameters, so it must return a record");
        compileDemo("""
                public record P(int x) {}
                @PgFunction @OutParameters public static P f(int x) { return null; }
                """).assertOneError("f(int): column x of the result", "has the name of a parameter");
        String sql = compileDemo("""
                public record Polar(double r, double theta) {}
                @PgFunction @OutParameters public static Polar polar(double x, double y) { return null; }
                """).sql();
        contains(sql, "CREATE FUNCTION polar(x double precision, y double precision, OUT r double precision,"
                + " OUT theta double precision) RETURNS record ");
        assertTrue(!sql.contains("CREATE TYPE"), sql);
    }

    @Test
    void varargsAreVariadic() {
        List<String> fns = compileDemo("""
                @PgFunction public static long a(int... xs) { return 0; }
                @PgFunction public static String b(String sep, @Nullable String... parts) { return sep; }
                """).functions();
        contains(fns.get(0), "a(VARIADIC xs integer[]) RETURNS bigint ");
        contains(fns.get(1), "b(sep text, VARIADIC parts text[]) RETURNS text ");
    }

    @Test
    void defaults() {
        List<String> fns = compileDemo("""
                @PgFunction public static String f(String a, @Default("'x'") String b, @Default("42") int c,
                        @Default("NULL") Integer d, @Default("now()::text") String e) { return a; }
                """).functions();
        contains(fns.getFirst(), "f(a text, b text DEFAULT 'x', c integer DEFAULT 42, d integer DEFAULT NULL, e text DEFAULT now()::text)");
    }

    @Test
    void aDefaultOfTheWrongTypeIsAnError() {
        compileDemo("""
                @PgFunction public static int f(@Default("'abc'") int a) { return a; }
                """).assertOneError("f(int): parameter a has @Default(\"'abc'\"), which is not a integer");
        compileDemo("""
                @PgFunction public static int f(@Default("3000000000") int a) { return a; }
                """).assertOneError("which is not a integer (from -2147483648 to 2147483647)");
        compileDemo("""
                @PgFunction public static boolean f(@Default("maybe") boolean a) { return a; }
                """).assertOneError("which is not a boolean");
        compileDemo("""
                @PgFunction public static int f(@Default("NULL") int a) { return a; }
                """).assertOneError("but the parameter cannot hold NULL");
    }

    @Test
    void aParameterWithoutDefaultAfterOneWithIsAnError() {
        compileDemo("""
                @PgFunction public static int f(@Default("1") int a, int b) { return a; }
                """).assertOneError("f(int,int): parameter b needs a @Default, as it comes after a");
    }

    @Test
    void castsFollowTheirFunction() {
        String sql = compileDemo("""
                @PgFunction @PgCast public static long a(int i) { return i; }
                @PgFunction @PgCast(context = PgCast.Context.ASSIGNMENT) public static String b(long i) { return ""; }
                @PgFunction(schema = "util") @PgCast(context = PgCast.Context.IMPLICIT) public static double c(short i) { return i; }
                """).sql();
        contains(sql, "AS 'org.example.Demo.a(int)';\nCREATE CAST (integer AS bigint) WITH FUNCTION a(integer);\n");
        contains(sql, "CREATE CAST (bigint AS text) WITH FUNCTION b(bigint) AS ASSIGNMENT;\n");
        contains(sql, "CREATE CAST (smallint AS double precision) WITH FUNCTION util.c(smallint) AS IMPLICIT;\n");
    }

    @Test
    void aCastOfTwoParametersOrToItsOwnTypeIsAnError() {
        compileDemo("""
                @PgFunction @PgCast public static long a(int i, int j) { return i; }
                """).assertOneError("method org.example.Demo.a(int,int) is a @PgCast, so it must take exactly one parameter");
        compileDemo("""
                @PgFunction @PgCast public static int a(int i) { return i; }
                """).assertOneError("a(int) is a @PgCast from integer to the same type");
        compileDemo("""
                @PgFunction @PgCast public static Stream<Integer> a(long i) { return null; }
                """).assertOneError("a(long) is a @PgCast", "returns no single value");
    }

    @Test
    void operatorsFollowTheirFunction() {
        String sql = compileDemo("""
                @PgFunction @PgOperator(value = "===", commutator = "===", negator = "!==", restrict = "eqsel",
                        join = "eqjoinsel", hashes = true, merges = true)
                public static boolean same(int a, int b) { return a == b; }
                @PgFunction(schema = "util") @PgOperator("@@") public static int neg(int a) { return -a; }
                """).sql();
        contains(sql, "CREATE OPERATOR === (FUNCTION = same, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = ===,"
                + " NEGATOR = !==, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);");
        contains(sql, "CREATE OPERATOR util.@@ (FUNCTION = util.neg, RIGHTARG = integer);");
    }

    @Test
    void badOperatorsAreErrors() {
        compileDemo("""
                @PgFunction @PgOperator("+++") public static int f(int a, int b, int c) { return a; }
                """).assertOneError("method org.example.Demo.f(int,int,int) is a @PgOperator, so it must take one or two parameters");
        compileDemo("""
                @PgFunction @PgOperator("plus") public static int f(int a, int b) { return a; }
                """).assertOneError("f(int,int): 'plus' is not an operator name");
        compileDemo("""
                @PgFunction @PgOperator(value = "===", hashes = true) public static int f(int a, int b) { return a; }
                """).assertOneError("only a @PgOperator that returns boolean can have a negator, hashes or merges");
        compileDemo("""
                @PgFunction @PgOperator(value = "!!", commutator = "!!") public static int f(int a) { return a; }
                """).assertOneError("a prefix @PgOperator (one parameter) cannot have a commutator");
    }

    @Test
    void compositeTypesAreInTheObjectIndex() {
        Compilation c = compileDemo("""
                public record P(int x) {}
                @PgFunction public static P p(int x) { return null; }
                """);
        String index = c.file("objects.properties");
        contains(index, "0.kind=type");
        contains(index, "1.kind=function");
        contains(index, "1.edges=0 type");
        assertEquals(1, c.functions().size());
    }
}
