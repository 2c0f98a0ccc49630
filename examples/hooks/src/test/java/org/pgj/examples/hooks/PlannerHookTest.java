package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * QueryHooks.planner (PlanSteering): the hook reads the query and its plan, replaces the plan by
 * one made under a changed setting (EXPLAIN shows it), refuses a query cleanly, is cancelled
 * cleanly while planning, and stays out of databases where the extension is not created.
 */
@PgjTest
class PlannerHookTest {
    private static final String STEERED = "SELECT x FROM steered WHERE x > 0";

    /** A table whose every row matches, so the planner prefers a sequential scan unless steered. */
    private static void steeredTable(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE steered(x int PRIMARY KEY)",
                "INSERT INTO steered SELECT generate_series(1, 2000)", "ANALYZE steered");
    }

    private static String topPlanLine(Connection c, String sql) throws SQLException {
        return (String) one(c, "EXPLAIN (COSTS OFF) " + sql);
    }

    /** The plan of a marked query is replaced; unmarked, the same query keeps the server's plan. */
    private static void assertSteered(Connection c) throws SQLException {
        steeredTable(c);
        assertTrue(topPlanLine(c, STEERED).startsWith("Seq Scan on steered"), topPlanLine(c, STEERED));
        String steered = topPlanLine(c, STEERED + " /* prefer-index */");
        assertFalse(steered.contains("Seq Scan"), steered);
        assertTrue(steered.contains("steered"), steered);
        String seen = (String) one(c, "SELECT last_steered_plan()");
        assertTrue(seen.startsWith("SELECT: Seq Scan rows=2000 -> "), seen);
        assertFalse(seen.endsWith("Seq Scan rows=2000"), seen);
        assertEquals(2000L, one(c, "SELECT count(*) FROM (" + STEERED + " /* prefer-index */) s"),
                "the replaced plan returns the same rows");
        assertEquals("on", one(c, "SHOW enable_seqscan"), "the setting held only for the planning");
    }

    @Test
    void theHookReadsThePlanAndReplacesIt(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            assertSteered(c);
            exec(c, "PREPARE steered_query AS " + STEERED + " /* prefer-index */");
            exec(c, "EXECUTE steered_query");
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void errorsAndCancelsInTheHookAreCleanErrors(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            one(c, "SELECT executor_starts()");
            assertTrue(fails(c, "SELECT 1 /* refuse-plan */", "0A000").getMessage().contains("refused by the planner hook"));
            assertEquals(1, one(c, "SELECT 1"));
            assertTrue(fails(c, "SELECT 1 /* bad-replan */", "42704").getMessage().contains("no_such_planner_setting"));
            assertEquals("on", one(c, "SHOW enable_seqscan"));
            exec(c, "SET statement_timeout = 200");
            fails(c, "SELECT 1 /* slow-plan */", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(1, one(c, "SELECT 1"), "the session goes on");
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void jitForcedOn(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0",
                    "SET jit_optimize_above_cost = 0");
            assertSteered(c);
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_planner_latin1", "LATIN1", "hooks");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertSteered(c);
            assertEquals("caf\u00e9", one(c, "SELECT 'caf\u00e9' /* prefer-index */"));
            fails(c, "SELECT 'caf\u00e9' /* refuse-plan */", "0A000");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void databasesWithoutTheExtensionAreNotHooked(PgServer server) throws SQLException {
        String elsewhere = server.jdbcUrl().replace("/" + server.database() + "?", "/postgres?");
        try (Connection c = DriverManager.getConnection(elsewhere)) {
            exec(c, "LOAD 'pgj'");
            assertEquals(1, one(c, "SELECT 1 /* refuse-plan */"), "no planner hook where the extension is not created");
        }
    }
}
