package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @PgOperatorClass}: the GIN support functions and {@code CREATE OPERATOR CLASS}, and the mistakes the build refuses. */
class OperatorClassesTest {
    @TempDir
    Path dir;

    private static final String OPERATOR = """
            public final class Ops {
                @PgFunction(volatility = Volatility.IMMUTABLE)
                @PgOperator(value = "&&&", commutator = "&&&")
                public static boolean shares(String a, String b) { return true; }
            }
            """;

    private static final String ROLES = """
                @GinSupport(GinSupport.Role.EXTRACT_VALUE) public static List<String> value(String v) { return List.of(); }
                @GinSupport(GinSupport.Role.EXTRACT_QUERY) public static GinQuery<String> query(String q, int s) { return GinQuery.all(); }
                @GinSupport(GinSupport.Role.CONSISTENT) public static boolean consistent(GinCheck<String> c) { return true; }
                """;

    private Compilation compile(String annotation, String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import java.util.*;
                import org.pgj.functions.*;
                import org.pgj.indexes.*;
                """ + annotation + "\npublic class Idx {\n" + members + "\n}\n", """
                package org.example;
                import org.pgj.functions.*;
                """ + OPERATOR);
    }

    @Test
    void theFunctionsAndTheClassAfterThem() {
        Compilation c = compile("""
                @PgOperatorClass(name = "idx_ops", type = "text", isDefault = true,
                        operators = @IndexOperator(strategy = 1, operator = "&&&"),
                        functions = @IndexFunction(number = 1, function = "bttextcmp(text, text)"))""", ROLES + """
                @GinSupport(value = GinSupport.Role.TRI_CONSISTENT, name = "tri", parallel = Parallel.UNSAFE)
                public static GinTernary tri(GinTriCheck<String> c, @SqlType("internal") String q) { return GinTernary.MAYBE; }
                @GinSupport(GinSupport.Role.COMPARE_PARTIAL) public static int partial(String p, String k, int s, Object e) { return 0; }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION idx_ops_extract_value(text, internal, internal) RETURNS internal LANGUAGE"
                + " pgj_demo IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Idx::gin_extract_value';"), sql);
        assertTrue(sql.contains("CREATE FUNCTION idx_ops_extract_query(text, internal, int2, internal, internal, internal,"
                + " internal) RETURNS internal"), sql);
        assertTrue(sql.contains("CREATE FUNCTION idx_ops_consistent(internal, int2, text, int4, internal, internal, internal,"
                + " internal) RETURNS boolean"), sql);
        assertTrue(sql.contains("CREATE FUNCTION tri(internal, int2, internal, int4, internal, internal, internal) RETURNS"
                + " \"char\" LANGUAGE pgj_demo IMMUTABLE STRICT PARALLEL UNSAFE"), sql);
        assertTrue(sql.contains("CREATE FUNCTION idx_ops_compare_partial(text, text, int2, internal) RETURNS integer"), sql);
        String opclass = """
                CREATE OPERATOR CLASS idx_ops DEFAULT FOR TYPE text USING gin AS
                    OPERATOR 1 &&&,
                    FUNCTION 1 bttextcmp(text, text),
                    FUNCTION 2 idx_ops_extract_value(text, internal, internal),
                    FUNCTION 3 idx_ops_extract_query(text, internal, int2, internal, internal, internal, internal),
                    FUNCTION 4 idx_ops_consistent(internal, int2, text, int4, internal, internal, internal, internal),
                    FUNCTION 5 idx_ops_compare_partial(text, text, int2, internal),
                    FUNCTION 6 tri(internal, int2, internal, int4, internal, internal, internal),
                    STORAGE text;""";
        assertTrue(sql.contains(opclass), sql);
        // After its functions and the operator it lists, wherever the sources put them.
        assertTrue(sql.indexOf(opclass) > sql.indexOf("CREATE OPERATOR &&&"), sql);
        assertTrue(sql.indexOf(opclass) > sql.indexOf("CREATE FUNCTION tri("), sql);
    }

    @Test
    void aBtreeClassOfExistingFunctions() {
        Compilation c = compile("""
                @PgOperatorClass(name = "rev_ops", method = IndexMethod.BTREE, type = "text",
                        operators = @IndexOperator(strategy = 3, operator = "="),
                        functions = @IndexFunction(number = 1, function = "bttextcmp(text, text)"))""", "");
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE OPERATOR CLASS rev_ops FOR TYPE text USING btree AS\n    OPERATOR 3 =,\n"
                + "    FUNCTION 1 bttextcmp(text, text);"), c.sql());
    }

    @Test
    void btreeAndHashClassesOfJavaSupportFunctions() {
        Compilation c = compile("""
                @PgOperatorClass(name = "rev_ops", method = IndexMethod.BTREE, type = "integer",
                        operators = {@IndexOperator(strategy = 1, operator = ">"), @IndexOperator(strategy = 3, operator = "=")})""",
                "@IndexSupport(1) public static int compare(int a, int b) { return Integer.compare(b, a); }");
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE FUNCTION rev_ops_compare(integer, integer) RETURNS integer LANGUAGE pgj_"), c.sql());
        assertTrue(c.sql().contains("IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Idx.compare(int,int)';"), c.sql());
        assertTrue(c.sql().contains("CREATE OPERATOR CLASS rev_ops FOR TYPE integer USING btree AS\n    OPERATOR 1 >,\n"
                + "    OPERATOR 3 =,\n    FUNCTION 1 rev_ops_compare(integer, integer);"), c.sql());
        assertTrue(c.sql().indexOf("CREATE FUNCTION rev_ops_compare") < c.sql().indexOf("CREATE OPERATOR CLASS rev_ops"), c.sql());

        Compilation hash = compile("""
                @PgOperatorClass(name = "lower_ops", method = IndexMethod.HASH, type = "text",
                        operators = @IndexOperator(strategy = 1, operator = "="))""", """
                @IndexSupport(1) public static int hash(String v) { return v.hashCode(); }
                @IndexSupport(value = 2, name = "lower_hash64") public static long hash(String v, long seed) { return seed; }
                """);
        hash.assertSucceeded();
        assertTrue(hash.sql().contains("FUNCTION 1 lower_ops_hash(text),\n    FUNCTION 2 lower_hash64(text, bigint);"),
                hash.sql());
    }

    @Test
    void javaSupportFunctionsOfTheWrongNumberOrShape() {
        compile("@PgOperatorClass(method = IndexMethod.BTREE, type = \"integer\")",
                "@IndexSupport(1) public static long compare(int a, int b) { return 0; }")
                .assertOneError("does not have the shape of its role: int compare(V a, V b)");
        compile("@PgOperatorClass(method = IndexMethod.BTREE, type = \"integer\")",
                "@IndexSupport(2) public static int sortSupport(int a) { return 0; }")
                .assertOneError("pgj writes support function 1 of a btree class");
        compile("@PgOperatorClass(method = IndexMethod.HASH, type = \"integer\","
                + " functions = @IndexFunction(number = 1, function = \"hashint4(integer)\"))",
                "@IndexSupport(1) public static int hash(int a) { return a; }")
                .assertOneError("support function 1 is declared twice");
        compile("@PgOperatorClass(type = \"text\")", ROLES + "@IndexSupport(1) public static int c(String a, String b) { return 0; }")
                .assertOneError("a GIN class's support functions are @GinSupport methods");
        compile("", "@IndexSupport(1) public static int compare(int a, int b) { return 0; }")
                .assertOneError("@IndexSupport method compare is not in a @PgOperatorClass class");
    }

    @Test
    void aMethodOfTheWrongShape() {
        compile("@PgOperatorClass(type = \"text\")", """
                @GinSupport(GinSupport.Role.EXTRACT_VALUE) public static String[] value(String v) { return null; }
                @GinSupport(GinSupport.Role.EXTRACT_QUERY) public static GinQuery<String> query(String q, int s) { return null; }
                @GinSupport(GinSupport.Role.CONSISTENT) public static boolean consistent(GinCheck<String> c) { return true; }
                """).assertOneError("@GinSupport(EXTRACT_VALUE) org.example.Idx.value", "List<K> f(V value)");
    }

    @Test
    void aGinClassNeedsItsRoles() {
        compile("@PgOperatorClass(type = \"text\")", """
                @GinSupport(GinSupport.Role.EXTRACT_VALUE) public static List<String> value(String v) { return null; }
                @GinSupport(GinSupport.Role.EXTRACT_QUERY) public static GinQuery<String> query(String q, int s) { return null; }
                """).assertOneError("needs a @GinSupport(CONSISTENT) or @GinSupport(TRI_CONSISTENT) method");
    }

    @Test
    void twoMethodsOfOneRole() {
        compile("@PgOperatorClass(type = \"text\")", ROLES + """
                @GinSupport(GinSupport.Role.CONSISTENT) public static boolean again(GinCheck<String> c) { return true; }
                """).assertOneError("a second @GinSupport(CONSISTENT) method");
    }

    @Test
    void aSupportMethodOutsideAnOperatorClass() {
        compile("", """
                @GinSupport(GinSupport.Role.CONSISTENT) public static boolean consistent(GinCheck<String> c) { return true; }
                @PgFunction public static int one() { return 1; }
                """).assertOneError("@GinSupport method consistent is not in a @PgOperatorClass class");
    }

    @Test
    void anOperatorWrittenWrong() {
        compile("@PgOperatorClass(type = \"text\", operators = @IndexOperator(strategy = 1, operator = \"shares\"))", ROLES)
                .assertOneError("'shares' is not an operator");
    }

    @Test
    void onlyInternalOverridesTheValueType() {
        compile("@PgOperatorClass(type = \"text\")", """
                @GinSupport(GinSupport.Role.EXTRACT_VALUE) public static List<String> value(@SqlType("varchar") String v) { return null; }
                @GinSupport(GinSupport.Role.EXTRACT_QUERY) public static GinQuery<String> query(String q, int s) { return null; }
                @GinSupport(GinSupport.Role.CONSISTENT) public static boolean consistent(GinCheck<String> c) { return true; }
                """).assertOneError("may only say \"internal\"");
    }
}
