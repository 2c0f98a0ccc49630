package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/**
 * PlannedQuery's relations, settings and plan tree (PlanInspection): the tree the hook reads is
 * the tree EXPLAIN (FORMAT JSON) shows, node for node, for joins, index and bitmap scans,
 * aggregates with an InitPlan, views, partitions and writes.
 */
@PgjTest
class PlanInspectionTest {
    private static final String MARK = " /* inspect-plan */";

    private static void tables(Connection c) throws SQLException {
        one(c, "SELECT last_inspected_plan()"); // loads pgj, and with it the hooks, in this backend
        exec(c, "CREATE TEMP TABLE insp_customers(id int PRIMARY KEY, name text)",
                "CREATE TEMP TABLE insp_orders(id int PRIMARY KEY, customer int, amount numeric)",
                "CREATE INDEX insp_orders_customer ON insp_orders(customer)",
                "INSERT INTO insp_customers SELECT i, 'c' || i FROM generate_series(1, 1000) i",
                "INSERT INTO insp_orders SELECT i, i % 1000 + 1, i % 97 FROM generate_series(1, 20000) i",
                "CREATE TEMP VIEW insp_big_orders AS SELECT * FROM insp_orders WHERE amount > 90",
                "CREATE TEMP TABLE insp_parts(k int, v text) PARTITION BY RANGE (k)",
                "CREATE TEMP TABLE insp_parts_low PARTITION OF insp_parts FOR VALUES FROM (0) TO (100)",
                "CREATE TEMP TABLE insp_parts_high PARTITION OF insp_parts FOR VALUES FROM (100) TO (200)",
                "INSERT INTO insp_parts SELECT i % 200, 'v' FROM generate_series(1, 2000) i",
                "ANALYZE insp_customers", "ANALYZE insp_orders", "ANALYZE insp_parts",
                // EXPLAIN's JSON tree drawn as the example draws the hook's: subplans apart, counted.
                "CREATE FUNCTION pg_temp.explained(q text) RETURNS text LANGUAGE plpgsql AS $$"
                        + " DECLARE plan jsonb; tree text; subplans int; BEGIN"
                        + " EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;"
                        + " WITH RECURSIVE n(node, depth, path, sub) AS ("
                        + "   SELECT plan->0->'Plan', 0, ARRAY[]::int[], false"
                        + "   UNION ALL SELECT c.value, n.depth + 1, n.path || c.ord::int,"
                        + "     n.sub OR coalesce(c.value->>'Parent Relationship', '') IN ('SubPlan', 'InitPlan')"
                        + "   FROM n, jsonb_array_elements(n.node->'Plans') WITH ORDINALITY c(value, ord))"
                        + " SELECT string_agg(repeat('  ', depth) || (node->>'Node Type') || coalesce(' on ' || (node->>'Relation Name'), '')"
                        + "     || coalesce(' using ' || (node->>'Index Name'), '') || E'\\n', '' ORDER BY path) FILTER (WHERE NOT sub),"
                        + "   count(*) FILTER (WHERE coalesce(node->>'Parent Relationship', '') IN ('SubPlan', 'InitPlan'))"
                        + " INTO tree, subplans FROM n;"
                        + " RETURN 'subplans: ' || subplans || E'\\n' || tree; END $$");
    }

    /** What the hook saw of {@code sql}: its relations (sorted), enable_seqscan, then the tree, which must be EXPLAIN's. */
    private static List<String> inspect(Connection c, String sql) throws SQLException {
        String explained = (String) one(c, "SELECT pg_temp.explained(?)", sql + MARK);
        String seen = (String) one(c, "SELECT last_inspected_plan()");
        String[] lines = seen.split("\n", 3);
        assertEquals(explained, seen.split("\n", 3)[2], "the hook's tree is EXPLAIN's, for " + sql);
        String[] relations = lines[0].substring("relations: ".length()).split(", ");
        Arrays.sort(relations);
        return List.of(String.join(", ", relations), lines[1], explained);
    }

    private static void assertInspected(Connection c) throws SQLException {
        tables(c);
        List<String> join = inspect(c, "SELECT o.id, c.name FROM insp_orders o JOIN insp_customers c ON c.id = o.customer WHERE o.id < 10");
        assertEquals("insp_customers (table), insp_orders (table)", join.get(0));
        assertEquals("enable_seqscan: on", join.get(1));
        assertTrue(join.get(2).contains(" on insp_orders using insp_orders_pkey\n"), join.get(2));

        List<String> initPlan = inspect(c, "SELECT customer, count(*) FROM insp_orders WHERE amount > (SELECT avg(amount) FROM insp_orders)"
                + " GROUP BY customer ORDER BY 2 DESC LIMIT 3");
        assertTrue(initPlan.get(2).startsWith("subplans: 1\nLimit\n"), initPlan.get(2));

        List<String> view = inspect(c, "SELECT count(*) FROM insp_big_orders");
        assertEquals("insp_big_orders (view), insp_orders (table)", view.get(0), "a view, and the table under it");

        List<String> parts = inspect(c, "SELECT * FROM insp_parts WHERE k > 50");
        assertEquals("insp_parts (partitioned table)", parts.get(0), "the partitions are the planner's, not the query's");
        assertTrue(parts.get(2).contains("Seq Scan on insp_parts_low") && parts.get(2).contains("Seq Scan on insp_parts_high"),
                parts.get(2));

        exec(c, "SET enable_seqscan = off", "SET enable_indexscan = off");
        List<String> bitmap = inspect(c, "SELECT * FROM insp_orders WHERE customer = 7");
        assertEquals("enable_seqscan: off", bitmap.get(1), "the setting in force for this planning");
        assertTrue(bitmap.get(2).contains("Bitmap Heap Scan on insp_orders\n    Bitmap Index Scan using insp_orders_customer\n")
                || bitmap.get(2).contains("Bitmap Heap Scan on insp_orders\n  Bitmap Index Scan using insp_orders_customer\n"), bitmap.get(2));
        exec(c, "RESET enable_seqscan", "RESET enable_indexscan");

        List<String> update = inspect(c, "UPDATE insp_orders SET amount = amount + 1 WHERE customer IN (SELECT id FROM insp_customers"
                + " WHERE name = 'c5') RETURNING id");
        assertTrue(update.get(2).contains("ModifyTable on insp_orders\n"), update.get(2));

        List<String> other = inspect(c, "WITH w AS MATERIALIZED (SELECT * FROM generate_series(1, 10) g)"
                + " SELECT * FROM w UNION ALL SELECT * FROM (VALUES (1), (2)) v(x)");
        assertEquals("subplans: 1\nAppend\n  CTE Scan\n  Values Scan\n", other.get(2), "the CTE's Function Scan is its subplan's");
    }

    @Test
    void theHookSeesTheRelationsSettingsAndTheWholeTree(Connection c) throws SQLException {
        assertInspected(c);
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void badRequestsAreCleanErrors(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            one(c, "SELECT last_inspected_plan()"); // loads pgj, and with it the hooks
            assertTrue(fails(c, "SELECT 1 /* inspect-early */", "38000").getMessage().contains("only after next.proceed()"));
            exec(c, "SET work_mem = '5MB'");
            one(c, "SELECT 1 /* inspect-setting work_mem */");
            assertEquals("work_mem=5MB", one(c, "SELECT last_inspected_plan()"));
            exec(c, "SET work_mem = '7MB'");
            one(c, "SELECT 2 /* inspect-setting work_mem */");
            assertEquals("work_mem=7MB", one(c, "SELECT last_inspected_plan()"));
            assertTrue(fails(c, "SELECT 3 /* inspect-setting no_such_setting */", "42704").getMessage()
                    .contains("no_such_setting"), "an unknown setting is SHOW's error");
            assertEquals(1, one(c, "SELECT 1"), "the session goes on");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aCancelWhileInspectingIsClean(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            tables(c);
            // Planned once per row by the plpgsql function's EXECUTE: the hook inspects over and over until cancelled.
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c,
                    "SELECT count(pg_temp.explained('SELECT * FROM insp_orders o JOIN insp_customers c ON c.id = o.customer" + MARK + "'))"
                            + " FROM generate_series(1, 100000000)", java.time.Duration.ofSeconds(60)));
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void jitForcedOn(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0", "SET jit_optimize_above_cost = 0");
            assertInspected(c);
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_inspect_latin1", "LATIN1", "hooks");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertInspected(c);
            exec(c, "CREATE TEMP TABLE caf\u00e9(x int)");
            inspect(c, "SELECT * FROM caf\u00e9");
            assertTrue(((String) one(c, "SELECT last_inspected_plan()")).startsWith("relations: caf\u00e9 (table)\n"));
            assertTrue(fails(c, "SELECT 1 /* inspect-setting data_directory */", "42501").getMessage().contains("data_directory"),
                    "a setting the user may not read fails as SHOW does");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
