package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** Partial aggregation in parallel workers: combine, and serialize/deserialize for a Java-object state. */
@PgjTest
class ParallelAggregatesTest {
    private static final String FORCE_PARALLEL = "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;"
            + " SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;"
            + " SET parallel_leader_participation = off";

    @BeforeAll
    static void table(Connection c) throws SQLException {
        // Not a temporary table: parallel workers cannot read one.
        exec(c, "DROP TABLE IF EXISTS agg_numbers; CREATE TABLE agg_numbers AS SELECT i::bigint AS x, i % 7 AS g,"
                + " (i * 7919 % 1000)::int AS y FROM generate_series(1, 100000) i; ANALYZE agg_numbers");
    }

    @AfterAll
    static void drop(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS agg_numbers");
    }

    private static String plan(Connection c, String query) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
            while (rs.next()) {
                text.append(rs.getString(1)).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void partialAggregatesInWorkersGiveTheBuiltInResults(Connection c) throws SQLException {
        exec(c, FORCE_PARALLEL);
        try {
            String query = "SELECT java_sum(x), java_avg(x), java_max(y), java_count(*) FROM agg_numbers";
            String plan = plan(c, "(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + query);
            assertTrue(plan.contains("Partial Aggregate") && plan.contains("Gather"), plan);
            assertTrue(plan.matches("(?s).*Workers Launched: [1-9].*"), "the Java states were made in workers: " + plan);
            assertEquals(one(c, "SELECT concat_ws(' ', sum(x), round(avg(x), 10), max(y), count(*)) FROM agg_numbers"),
                    one(c, "SELECT concat_ws(' ', java_sum(x), round(java_avg(x), 10), java_max(y), java_count(*)) FROM agg_numbers"));
            String grouped = "SELECT g, java_avg(x) a, java_sum(x) s FROM agg_numbers GROUP BY g";
            assertTrue(plan(c, "(COSTS OFF) " + grouped).contains("Partial"), plan(c, "(COSTS OFF) " + grouped));
            assertEquals(7L, one(c, "SELECT count(*) FROM (" + grouped + ") j JOIN (SELECT g, avg(x) a, sum(x) s"
                    + " FROM agg_numbers GROUP BY g) b USING (g) WHERE j.a = b.a AND j.s = b.s"),
                    "every group as the built-ins give it");
        } finally {
            exec(c, "RESET ALL");
        }
    }
}
