package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** Java aggregates against PostgreSQL's own on the same rows. */
@PgjTest
class AggregatesTest {
    /** Values with NULLs, duplicates and negatives, in three groups, one of them all NULL. */
    private static final String ROWS = "(VALUES (1, 1, 5), (2, 1, NULL), (3, 1, -2), (4, 1, 5), (5, 2, 7), (6, 2, 1),"
            + " (7, 3, NULL), (8, 2, 100), (9, 1, 0)) v(i, g, x)";

    private static String text(Connection c, String sql) throws SQLException {
        Object v = one(c, sql);
        return v == null ? null : v.toString();
    }

    /** Both queries give the same rows; each of {@code java} and {@code builtIn} is a whole query. */
    private static void same(Connection c, String java, String builtIn) throws SQLException {
        assertEquals(rows(c, builtIn), rows(c, java), java);
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    @Test
    void sumIsTheBuiltInSum(Connection c) throws SQLException {
        same(c, "SELECT java_sum(x) FROM " + ROWS, "SELECT sum(x)::bigint FROM " + ROWS);
        same(c, "SELECT g, java_sum(x) FROM " + ROWS + " GROUP BY g ORDER BY g", "SELECT g, sum(x)::bigint FROM " + ROWS
                + " GROUP BY g ORDER BY g");
        same(c, "SELECT java_sum(x) FILTER (WHERE x > 1) FROM " + ROWS, "SELECT (sum(x) FILTER (WHERE x > 1))::bigint FROM " + ROWS);
        assertNull(one(c, "SELECT java_sum(x) FROM generate_series(1, 0) x"), "no rows: NULL, as sum()");
        assertNull(one(c, "SELECT java_sum(NULL::bigint) FROM generate_series(1, 3)"), "only NULLs: NULL");
        assertEquals(-9223372036854775807L - 1, one(c, "SELECT java_sum(x) FROM (VALUES (-9223372036854775807), (-1)) v(x)"));
    }

    @Test
    void countOfRowsStartsFromItsInitialCondition(Connection c) throws SQLException {
        same(c, "SELECT g, java_count(*), java_count(*) FILTER (WHERE x IS NULL) FROM " + ROWS + " GROUP BY g ORDER BY g",
                "SELECT g, count(*), count(*) FILTER (WHERE x IS NULL) FROM " + ROWS + " GROUP BY g ORDER BY g");
        assertEquals(0L, one(c, "SELECT java_count(*) FROM generate_series(1, 0)"), "no rows: the initial condition");
        assertEquals("0 | java_count()", text(c, "SELECT concat_ws(' | ', agginitval, aggfnoid::regprocedure)"
                + " FROM pg_aggregate WHERE aggfnoid = 'java_count'::regproc"));
    }

    @Test
    void overflowIsAnOutOfRangeError(Connection c) throws SQLException {
        PSQLException e = fails(c, "SELECT java_sum(x) FROM (VALUES (9223372036854775807), (1)) v(x)", "22003");
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        assertEquals(3L, one(c, "SELECT java_sum(x) FROM (VALUES (1), (2)) v(x)"), "the aggregate works afterwards");
    }

    @Test
    void movingWindowFramesUseTheInverseFunction(Connection c) throws SQLException {
        String frame = " OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)";
        long leaves = (Long) one(c, "SELECT java_sum_leaves()");
        same(c, "SELECT i, java_sum(x)" + frame + " FROM " + ROWS + " ORDER BY i",
                "SELECT i, sum(x)" + frame + "::bigint FROM " + ROWS + " ORDER BY i");
        assertEquals(leaves + 5, one(c, "SELECT java_sum_leaves()"), "the 6 rows that left the frame, but the NULL");
        String partitioned = " OVER (PARTITION BY g ORDER BY i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)";
        same(c, "SELECT i, java_sum(x)" + partitioned + " FROM " + ROWS + " ORDER BY i",
                "SELECT i, sum(x)" + partitioned + "::bigint FROM " + ROWS + " ORDER BY i");
        // A Java-object moving state whose inverse gives up when the maximum leaves: the frame is aggregated again.
        same(c, "SELECT i, java_max(x)" + frame + ", java_max(x)" + partitioned + " FROM " + ROWS + " ORDER BY i",
                "SELECT i, max(x)" + frame + ", max(x)" + partitioned + " FROM " + ROWS + " ORDER BY i");
        same(c, "SELECT i, java_max(x) OVER (ORDER BY i ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM " + ROWS + " ORDER BY i",
                "SELECT i, max(x) OVER (ORDER BY i ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM " + ROWS + " ORDER BY i");
        // A frame whose start moves restarts a Java-object state without an inverse function.
        same(c, "SELECT i, round(java_avg(x)" + frame + ", 10) FROM " + ROWS + " ORDER BY i",
                "SELECT i, round(avg(x)" + frame + ", 10) FROM " + ROWS + " ORDER BY i");
        // A growing frame calls the final function on the same state again and again (READ_ONLY).
        same(c, "SELECT i, java_string_agg(x::text, ',') OVER (ORDER BY i) FROM " + ROWS + " ORDER BY i",
                "SELECT i, string_agg(x::text, ',') OVER (ORDER BY i) FROM " + ROWS + " ORDER BY i");
    }

    @Test
    void avgKeepsAJavaObjectPerGroup(Connection c) throws SQLException {
        same(c, "SELECT g, java_avg(x) = avg(x) FROM " + ROWS + " GROUP BY g ORDER BY g",
                "SELECT g, CASE WHEN avg(x) IS NULL THEN NULL ELSE true END FROM " + ROWS + " GROUP BY g ORDER BY g");
        assertNull(one(c, "SELECT java_avg(x) FROM generate_series(1, 0) x"));
        // Many groups at once in a hash table, and sorted groups one after another.
        String many = " FROM generate_series(1, 20000) i GROUP BY i % 1000) s";
        assertEquals(0L, one(c, "SELECT count(*) FILTER (WHERE a <> b) FROM (SELECT java_avg(i) a, avg(i) b" + many));
        exec(c, "SET enable_hashagg = off");
        try {
            assertEquals(0L, one(c, "SELECT count(*) FILTER (WHERE a <> b) FROM (SELECT java_avg(i) a, avg(i) b" + many));
        } finally {
            exec(c, "RESET enable_hashagg");
        }
    }

    @Test
    void aHashTableThatSpillsToDisk(Connection c) throws SQLException {
        String query = "SELECT count(*) FILTER (WHERE a <> b) FROM (SELECT java_avg(i) a, avg(i) b"
                + " FROM generate_series(1, 60000) i GROUP BY i % 20000) s";
        exec(c, "SET work_mem = '64kB'; SET hash_mem_multiplier = 1; SET enable_sort = off");
        try {
            String plan = String.join("\n", rows(c, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + query));
            assertTrue(plan.contains("HashAggregate") && plan.contains("Disk Usage"), plan);
            assertEquals(0L, one(c, query));
        } finally {
            exec(c, "RESET work_mem; RESET hash_mem_multiplier; RESET enable_sort");
        }
    }

    @Test
    void stringAggWithOrderByFilterAndNulls(Connection c) throws SQLException {
        String data = " FROM (VALUES (1, 'b'), (1, NULL), (1, 'a'), (2, 'c'), (3, NULL)) v(g, s)";
        same(c, "SELECT g, java_string_agg(s, ', ' ORDER BY s DESC)" + data + " GROUP BY g ORDER BY g",
                "SELECT g, string_agg(s, ', ' ORDER BY s DESC)" + data + " GROUP BY g ORDER BY g");
        same(c, "SELECT java_string_agg(s, '-' ORDER BY s) FILTER (WHERE g < 2)" + data,
                "SELECT string_agg(s, '-' ORDER BY s) FILTER (WHERE g < 2)" + data);
        same(c, "SELECT java_string_agg(s, NULL ORDER BY s)" + data, "SELECT string_agg(s, NULL ORDER BY s)" + data);
        same(c, "SELECT java_string_agg(DISTINCT s, '/')" + data, "SELECT string_agg(DISTINCT s, '/')" + data);
        assertEquals("héllo wörld", text(c, "SELECT java_string_agg(w, ' ' ORDER BY n)"
                + " FROM (VALUES (2, 'wörld'), (1, 'héllo')) v(n, w)"));
    }

    @Test
    void aThrowingStateFunctionFailsTheStatementOnly(Connection c) throws SQLException {
        PSQLException e = fails(c, "SELECT g, java_string_agg(s, ',') FROM (VALUES (1, 'a'), (1, 'boom'), (2, 'b')) v(g, s)"
                + " GROUP BY g", "38000");
        assertTrue(e.getMessage().contains("cannot aggregate 'boom'"), e.getMessage());
        assertEquals("a,b", text(c, "SELECT java_string_agg(s, ',' ORDER BY s) FROM (VALUES ('b'), ('a')) v(s)"));
    }

    @Test
    void medianIsAnOrderedSetAggregate(Connection c) throws SQLException {
        String data = " FROM (VALUES (1, 3.0), (1, 1.0), (1, NULL), (1, 10.0), (2, 4.0), (3, NULL)) v(g, x)";
        for (String fraction : List.of("0", "0.25", "0.5", "0.9", "1")) {
            same(c, "SELECT g, java_percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY x)" + data + " GROUP BY g ORDER BY g",
                    "SELECT g, percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY x)" + data + " GROUP BY g ORDER BY g");
        }
        assertNull(one(c, "SELECT java_percentile_cont(NULL) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 3) x"));
        fails(c, "SELECT java_percentile_cont(1.5) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 3) x", "22003");
        fails(c, "SELECT java_percentile_cont(x) FROM generate_series(1, 3) x", "42883"); // WITHIN GROUP is required
    }

    @Test
    void rankIsAHypotheticalSetAggregate(Connection c) throws SQLException {
        String data = " FROM (VALUES (1, 3), (1, 1), (1, NULL), (1, 3), (1, 10), (2, 4)) v(g, x)";
        for (int candidate : new int[] {-1, 1, 3, 4, 11}) {
            same(c, "SELECT g, stats.java_rank(" + candidate + ") WITHIN GROUP (ORDER BY x)" + data + " GROUP BY g ORDER BY g",
                    "SELECT g, rank(" + candidate + ") WITHIN GROUP (ORDER BY x)" + data + " GROUP BY g ORDER BY g");
        }
        assertEquals(1L, one(c, "SELECT stats.java_rank(5) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 0) x"));
        fails(c, "SELECT stats.java_rank(NULL) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 3) x", "22004");
    }

    @Test
    void maxHasASortOperator(Connection c) throws SQLException {
        same(c, "SELECT g, java_max(x) FROM " + ROWS + " GROUP BY g ORDER BY g", "SELECT g, max(x) FROM " + ROWS
                + " GROUP BY g ORDER BY g");
        assertNull(one(c, "SELECT java_max(x) FROM generate_series(1, 0) x"));
        assertEquals(">(integer,integer) | internal", text(c, "SELECT concat_ws(' | ', aggsortop::regoperator,"
                + " aggmtranstype::regtype) FROM pg_aggregate WHERE aggfnoid = 'java_max'::regproc"));
    }

    @Test
    void theCatalogHasEveryOption(Connection c) throws SQLException {
        assertEquals("java_sum_state | bigint | java_sum_combine | java_sum_moving_state | java_sum_moving_inverse"
                + " | sum_count | java_sum_moving_final | (0,0) | n | s", text(c, "SELECT concat_ws(' | ', aggtransfn,"
                + " aggtranstype::regtype, aggcombinefn, aggmtransfn, aggminvtransfn, aggmtranstype::regtype, aggmfinalfn,"
                + " aggminitval, aggkind, proparallel) FROM pg_aggregate JOIN pg_proc p ON p.oid = aggfnoid"
                + " WHERE aggfnoid = 'java_sum'::regproc"));
        assertEquals("internal | java_avg_final | java_avg_serialize | java_avg_deserialize | 64 | r", text(c,
                "SELECT concat_ws(' | ', aggtranstype::regtype, aggfinalfn, aggserialfn, aggdeserialfn, aggtransspace,"
                        + " aggfinalmodify) FROM pg_aggregate WHERE aggfnoid = 'java_avg'::regproc"));
        assertEquals("o | 1 | w", text(c, "SELECT concat_ws(' | ', aggkind, aggnumdirectargs, aggfinalmodify)"
                + " FROM pg_aggregate WHERE aggfnoid = 'java_percentile_cont'::regproc"));
        assertEquals("h | 1", text(c, "SELECT concat_ws(' | ', aggkind, aggnumdirectargs) FROM pg_aggregate"
                + " WHERE aggfnoid = 'stats.java_rank'::regproc"));
        assertEquals("r | <NULL>", text(c, "SELECT concat_ws(' | ', aggfinalmodify, coalesce(agginitval, '<NULL>'))"
                + " FROM pg_aggregate WHERE aggfnoid = 'java_string_agg'::regproc"));
    }

    @Test
    void groupingSetsAndSharedStates(Connection c) throws SQLException {
        same(c, "SELECT g, java_sum(x), java_avg(x) = avg(x), java_string_agg(x::text, ';' ORDER BY i) FROM " + ROWS
                + " GROUP BY ROLLUP (g) ORDER BY g", "SELECT g, sum(x)::bigint, avg(x) = avg(x), string_agg(x::text, ';' ORDER BY i)"
                + " FROM " + ROWS + " GROUP BY ROLLUP (g) ORDER BY g");
        // Two calls with the same arguments share one state, and each runs the final function on it.
        assertEquals(true, one(c, "SELECT java_avg(x) = avg(x) AND java_avg(x) + 1 = avg(x) + 1 FROM " + ROWS));
        same(c, "SELECT java_percentile_cont(0.5) WITHIN GROUP (ORDER BY x), java_percentile_cont(0.9) WITHIN GROUP"
                + " (ORDER BY x) FROM generate_series(1, 10) x", "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x),"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 10) x");
    }

    @Test
    void aCancelledAggregateLeavesTheSessionUsable(Connection c) throws SQLException {
        exec(c, "SET statement_timeout = '300ms'");
        try {
            fails(c, "SELECT java_avg(i), java_string_agg(i::text, ',') FROM generate_series(1, 100000000) i", "57014");
        } finally {
            exec(c, "RESET statement_timeout");
        }
        assertEquals("3", text(c, "SELECT java_avg(x)::int FROM (VALUES (2), (4)) v(x)"));
    }

    /** SQL cannot make an internal value, so no query hands a support function a forged state. */
    @Test
    void supportFunctionsTakeNoStateFromSql(Connection c) throws SQLException {
        fails(c, "SELECT java_avg_state(NULL::internal, 1)", "42846");
        fails(c, "SELECT java_avg_final(java_avg_deserialize('\\x00'::bytea, NULL::internal))", "42846");
    }
}
