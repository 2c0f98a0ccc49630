package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @PgAggregate}: the support functions and {@code CREATE AGGREGATE}, and the mistakes the build refuses. */
class AggregatesTest {
    @TempDir
    Path dir;

    private Compilation compile(String annotation, String members) {
        return Compilation.compile(dir, List.of(), """
                package org.example;
                import java.util.*;
                import org.pgj.aggregates.*;
                import org.pgj.functions.*;
                """ + annotation + "\npublic class Agg {\n" + members + "\n}\n");
    }

    private static final String JAVA_STATE = """
                public static final class State { long n; }
                @StateFunction public static State add(State s, long x) { return s; }
                """;

    @Test
    void everyOptionOfASqlState() {
        Compilation c = compile("""
                @PgAggregate(name = "total", schema = "stats", initialCondition = "0", movingInitialCondition = "(0,0)",
                        sortOperator = ">", parallel = Parallel.SAFE, finalizeModify = FinalizeModify.READ_ONLY,
                        movingFinalizeModify = FinalizeModify.SHAREABLE, stateSpace = 16, movingStateSpace = 24)""", """
                public record Pair(long sum, long count) {}
                @StateFunction public static long add(long s, long x) { return s + x; }
                @FinalFunction public static long result(long s) { return s; }
                @CombineFunction public static long combine(long a, long b) { return a + b; }
                @MovingStateFunction public static Pair enter(Pair p, long x) { return p; }
                @MovingInverseFunction public static Pair leave(Pair p, long x) { return p; }
                @MovingFinalFunction public static long movingResult(Pair p) { return p.sum(); }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION stats.total_state(s bigint, x bigint) RETURNS bigint LANGUAGE pgj_demo"
                + " VOLATILE STRICT PARALLEL SAFE AS 'org.example.Agg.add(long,long)';"), sql);
        assertTrue(sql.contains("""
                CREATE AGGREGATE stats.total(x bigint) (
                    SFUNC = stats.total_state,
                    STYPE = bigint,
                    SSPACE = 16,
                    FINALFUNC = stats.total_final,
                    FINALFUNC_MODIFY = READ_ONLY,
                    COMBINEFUNC = stats.total_combine,
                    INITCOND = '0',
                    MSFUNC = stats.total_moving_state,
                    MINVFUNC = stats.total_moving_inverse,
                    MSTYPE = pair,
                    MSSPACE = 24,
                    MFINALFUNC = stats.total_moving_final,
                    MFINALFUNC_MODIFY = SHAREABLE,
                    MINITCOND = '(0,0)',
                    SORTOP = >,
                    PARALLEL = SAFE
                );"""), sql);
        assertTrue(sql.indexOf("CREATE TYPE pair") < sql.indexOf("total_moving_state("), "the composite state first");
        for (String fn : List.of("total_state(", "total_final(", "total_combine(", "total_moving_final(")) {
            assertTrue(sql.indexOf("stats." + fn) < sql.indexOf("CREATE AGGREGATE"), fn + " comes before the aggregate");
        }
        assertTrue(c.file("objects.properties").contains("kind=aggregate"), c.file("objects.properties"));
    }

    @Test
    void aJavaObjectStateIsInternal() {
        Compilation c = compile("@PgAggregate(parallel = Parallel.SAFE)", JAVA_STATE + """
                @CombineFunction public static State merge(State a, State b) { return a; }
                @SerialFunction public static byte[] save(State s) { return new byte[0]; }
                @DeserialFunction public static State load(byte[] b) { return new State(); }
                @FinalFunction public static Long count(Optional<State> s) { return 0L; }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION agg_state(s internal, x bigint) RETURNS internal LANGUAGE pgj_demo VOLATILE"
                + " CALLED ON NULL INPUT"), "a Java state starts as NULL: " + sql);
        assertTrue(sql.contains("CREATE FUNCTION agg_combine(a internal, b internal) RETURNS internal LANGUAGE pgj_demo"
                + " VOLATILE CALLED ON NULL INPUT"), "PostgreSQL refuses a strict combine of internal: " + sql);
        assertTrue(sql.contains("CREATE FUNCTION agg_deserialize(b bytea, unused internal) RETURNS internal LANGUAGE pgj_demo"
                + " VOLATILE STRICT"), sql);
        assertTrue(sql.contains("CREATE FUNCTION agg_final(s internal) RETURNS bigint LANGUAGE pgj_demo VOLATILE CALLED ON NULL INPUT"),
                "an Optional state takes NULL: " + sql);
        assertTrue(sql.contains("CREATE AGGREGATE agg(x bigint) (\n    SFUNC = agg_state,\n    STYPE = internal,"), sql);
        assertTrue(sql.contains("SERIALFUNC = agg_serialize,\n    DESERIALFUNC = agg_deserialize,"), sql);
    }

    @Test
    void orderedSetAndHypotheticalAggregates() {
        Compilation c = compile("@PgAggregate(kind = AggregateKind.HYPOTHETICAL, javaState = true)", """
                @StateFunction public static List<Integer> add(List<Integer> s, int x) { return s; }
                @FinalFunction public static long rank(List<Integer> s, int candidate) { return 1; }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE AGGREGATE agg(candidate integer ORDER BY x integer) (\n    SFUNC = agg_state,\n"
                + "    STYPE = internal,\n    FINALFUNC = agg_final,\n    HYPOTHETICAL\n);"), c.sql());
        assertFalse(c.sql().contains("CREATE TYPE"), "nothing but internal");
    }

    @Test
    void finalFunctionExtraGivesTheFinalFunctionTheArgumentTypes() {
        Compilation c = compile("@PgAggregate(finalFunctionExtra = true)", """
                public static final class State { }
                @StateFunction public static State add(State s, org.pgj.types.AnyElement x) { return s; }
                @FinalFunction public static org.pgj.types.AnyElement fin(State s, @Nullable org.pgj.types.AnyElement type) {
                    return null;
                }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE FUNCTION agg_final(s internal, type anyelement) RETURNS anyelement"), c.sql());
        assertTrue(c.sql().contains("FINALFUNC = agg_final,\n    FINALFUNC_EXTRA\n);"), c.sql());
    }

    @Test
    void finalFunctionExtraParametersMustFit() {
        compile("@PgAggregate(finalFunctionExtra = true)", JAVA_STATE + """
                @FinalFunction public static Long fin(State s) { return 0L; }
                """).assertOneError("takes the state and then one parameter per aggregated argument");
        compile("@PgAggregate(finalFunctionExtra = true)", JAVA_STATE + """
                @FinalFunction public static Long fin(State s, Integer x) { return 0L; }
                """).assertOneError("its last parameters must have the types of the aggregated arguments, [bigint]");
        compile("@PgAggregate(finalFunctionExtra = true)", JAVA_STATE + """
                @FinalFunction public static Long fin(State s, long x) { return 0L; }
                """).assertOneError("its last parameters are always NULL: make them nullable");
        compile("@PgAggregate(finalFunctionExtra = true)", JAVA_STATE).assertOneError("finalFunctionExtra needs a @FinalFunction");
    }

    @Test
    void finalFunctionExtraOfAnOrderedSetAggregateComesAfterTheDirectArguments() {
        Compilation ordered = compile("@PgAggregate(kind = AggregateKind.ORDERED_SET, javaState = true, finalFunctionExtra = true)", """
                @StateFunction public static List<Integer> add(List<Integer> s, int x) { return s; }
                @FinalFunction public static Integer pick(List<Integer> s, double fraction, Integer x) { return 1; }
                """);
        ordered.assertSucceeded();
        assertTrue(ordered.sql().contains("CREATE AGGREGATE agg(fraction double precision ORDER BY x integer)"), ordered.sql());
    }

    @Test
    void anAggregateOfNoArgumentsTakesStar() {
        Compilation c = compile("@PgAggregate(name = \"tally\", initialCondition = \"0\")", """
                @StateFunction public static long add(long n) { return n + 1; }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().contains("CREATE AGGREGATE tally(*) ("), c.sql());
    }

    @Test
    void anEmptyInitialConditionIsNotNone() {
        Compilation c = compile("@PgAggregate(initialCondition = \"\")", """
                @StateFunction public static String add(String s, int x) { return s + x; }
                """);
        c.assertSucceeded();
        assertTrue(c.sql().contains("INITCOND = ''"), c.sql());
    }

    @Test
    void noStateFunction() {
        compile("@PgAggregate", """
                @FinalFunction public static long result(long s) { return s; }
                """).assertOneError("@PgAggregate org.example.Agg has no @StateFunction method");
    }

    @Test
    void aStateFunctionMustReturnItsFirstParameter() {
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static int add(long s, int x) { return x; }
                """).assertOneError("@StateFunction add returns int but its first parameter, the state, is long");
        compile("@PgAggregate", """
                @StateFunction public static void add() { }
                """).assertOneError("must take the state first and return the new state");
    }

    @Test
    void aStrictStateWithoutInitialCondition() {
        compile("@PgAggregate", """
                @StateFunction public static long add(long s, int x) { return s + x; }
                """).assertOneError("the state function is strict", "give an initialCondition");
    }

    @Test
    void twoStateFunctions() {
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static long a(long s, long x) { return s; }
                @StateFunction public static long b(long s, long x) { return s; }
                """).assertOneError("has two @StateFunction methods, a and b");
    }

    @Test
    void aRoleOutsideAnAggregate() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.aggregates.*;
                public class Loose {
                    @StateFunction public static long add(long s, long x) { return s + x; }
                }
                """);
        c.assertOneError("@StateFunction method org.example.Loose.add(long,long) is not in a @PgAggregate class");
    }

    @Test
    void wrongSupportSignatures() {
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static long add(long s, long x) { return s; }
                @CombineFunction public static long combine(long a) { return a; }
                """).assertOneError("@CombineFunction combine: it must be S combine(S a, S b)");
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static long add(long s, long x) { return s; }
                @FinalFunction public static long result(long s, int extra) { return s; }
                """).assertOneError("the final function of a normal aggregate takes only the state");
        compile("@PgAggregate", JAVA_STATE + """
                @SerialFunction public static byte[] save(State s) { return new byte[0]; }
                """).assertOneError("@SerialFunction and @DeserialFunction go together");
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static long add(long s, long x) { return s; }
                @SerialFunction public static byte[] save(long s) { return new byte[0]; }
                @DeserialFunction public static long load(byte[] b) { return 0; }
                """).assertOneError("only a Java-object state is serialized");
    }

    @Test
    void optionsThatDoNotFit() {
        compile("@PgAggregate(name = \" \")", JAVA_STATE).assertOneError("@PgAggregate org.example.Agg: the SQL name is blank");
        compile("@PgAggregate(initialCondition = \"{}\")", JAVA_STATE)
                .assertOneError("initialCondition is for a state of a SQL type");
        compile("@PgAggregate(parallel = Parallel.SAFE)", JAVA_STATE + """
                @CombineFunction public static State merge(State a, State b) { return a; }
                """).assertOneError("parallel aggregation of a Java-object state needs @SerialFunction and @DeserialFunction");
        compile("@PgAggregate(kind = AggregateKind.ORDERED_SET)", JAVA_STATE)
                .assertOneError("an ordered-set aggregate needs a @FinalFunction");
        compile("@PgAggregate(kind = AggregateKind.HYPOTHETICAL)", JAVA_STATE + """
                @FinalFunction public static long rank(State s, String candidate) { return 1; }
                """).assertOneError("last direct arguments", "must have the types of its ORDER BY arguments");
        compile("@PgAggregate", JAVA_STATE + """
                @MovingStateFunction public static State enter(State s, long x) { return s; }
                """).assertOneError("needs both a @MovingStateFunction and a @MovingInverseFunction");
        compile("@PgAggregate", JAVA_STATE + """
                @MovingStateFunction public static Long enter(Long s, long x) { return s; }
                @MovingInverseFunction public static Long leave(Long s, long x) { return s; }
                @FinalFunction public static Long result(State s) { return 0L; }
                """).assertOneError("needs a movingInitialCondition when the function is not strict");
        compile("@PgAggregate(sortOperator = \"<\")", JAVA_STATE)
                .assertOneError("a sortOperator needs one argument of the result's type");
    }

    @Test
    void aBlockNamedLikeAnAggregate() {
        compile("@PgAggregate(initialCondition = \"0\") @ExtensionSql(name = \"agg\", sql = \"SELECT 1;\")", """
                @StateFunction public static long add(long s, long x) { return s; }
                """).assertOneError("@ExtensionSql name 'agg' is also the name of the @PgAggregate org.example.Agg");
    }

    @Test
    void anAggregateAndAFunctionOfOneSignature() {
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction public static long add(long s, long x) { return s; }
                @PgFunction(name = "agg") public static long same(long x) { return x; }
                """).assertOneError("SQL function agg(bigint)", "has the signature of the aggregate");
    }

    /** first_last_agg's shape: SFUNC and COMBINEFUNC are one function of the extension, as it is declared. */
    @Test
    void aPgFunctionIsUsedAsItIsInEveryRoleItHas() {
        Compilation c = compile("@PgAggregate(name = \"first\", parallel = Parallel.SAFE)", """
                @StateFunction @CombineFunction
                @PgFunction(name = "first_sfunc", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
                public static org.pgj.types.AnyElement keep(org.pgj.types.AnyElement a, org.pgj.types.AnyElement b) { return a; }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION first_sfunc(a anyelement, b anyelement) RETURNS anyelement LANGUAGE pgj_demo"
                + " IMMUTABLE STRICT PARALLEL SAFE AS 'org.example.Agg.keep(org.pgj.types.AnyElement,org.pgj.types.AnyElement)';"), sql);
        assertTrue(sql.contains("""
                CREATE AGGREGATE first(b anyelement) (
                    SFUNC = first_sfunc,
                    STYPE = anyelement,
                    COMBINEFUNC = first_sfunc,
                    PARALLEL = SAFE
                );"""), sql);
        assertEquals(1, sql.split("CREATE FUNCTION first_sfunc\\(", -1).length - 1, "declared once:\n" + sql);
        assertFalse(sql.contains("first_state") || sql.contains("first_combine") || sql.contains(" VOLATILE"),
                "no generated support function:\n" + sql);
        assertTrue(sql.indexOf("CREATE FUNCTION first_sfunc(") < sql.indexOf("CREATE AGGREGATE"), sql);
    }

    @Test
    void aPgFunctionBesideGeneratedSupportFunctions() {
        Compilation c = compile("@PgAggregate(name = \"total\", initialCondition = \"0\")", """
                @StateFunction @PgFunction(name = "plus", volatility = Volatility.IMMUTABLE)
                public static long add(long s, long x) { return s + x; }
                @FinalFunction public static String show(long s) { return Long.toString(s); }
                """);
        c.assertSucceeded();
        String sql = c.sql();
        assertTrue(sql.contains("CREATE FUNCTION plus(s bigint, x bigint) RETURNS bigint LANGUAGE pgj_demo IMMUTABLE STRICT"), sql);
        assertTrue(sql.contains("CREATE FUNCTION total_final(s bigint) RETURNS text"), sql);
        assertTrue(sql.contains("SFUNC = plus,") && sql.contains("FINALFUNC = total_final"), sql);
    }

    @Test
    void rolesOfAPgFunctionAreStillChecked() {
        compile("@PgAggregate", """
                @StateFunction @PgFunction public static long add(long s, int x) { return s + x; }
                """).assertOneError("the state function is strict", "give an initialCondition");
        compile("@PgAggregate(javaState = true)", """
                @StateFunction @PgFunction public static List<Long> add(List<Long> s, long x) { return s; }
                """).assertOneError("@StateFunction add is a @PgFunction", "leave out @PgFunction");
        compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction @CombineFunction public static long add(long s, long x) { return s + x; }
                """).assertOneError("has more than one role", "make it a @PgFunction");
        Compilation procedure = compile("@PgAggregate(initialCondition = \"0\")", """
                @StateFunction @PgProcedure public static void add(long s, long x) { }
                """);
        assertTrue(procedure.errorMessages().stream().anyMatch(m -> m.contains("is also a @PgProcedure")),
                procedure.errorMessages().toString());
    }
}
