package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/**
 * Functions whose method only returns a parameter (JavaAnyValue): after a first call through
 * Java, the call site returns the argument's Datum itself. The results must be those of calling
 * Java every time, for every type, NULLs, groups, windows and parallel plans; the call site says
 * (at DEBUG1) when it takes over, and must not for a value Java converts back.
 */
@PgjTest
class ReturnedArgumentsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);
    private static final String TAKES_OVER = "returns it without calling Java";

    /** The first row of {@code sql} as text, and the DEBUG1 messages the statement sent. */
    private static List<String> debugMessages(Connection c, String sql, List<String> firstRow) throws SQLException {
        List<String> messages = new ArrayList<>();
        exec(c, "SET client_min_messages = debug1");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                firstRow.add(rs.getString(i));
            }
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
        } finally {
            exec(c, "RESET client_min_messages");
        }
        return messages;
    }

    @Test
    void anAggregateWhoseStateFunctionReturnsItsStateStopsCallingJava(Connection c) throws SQLException {
        List<String> row = new ArrayList<>();
        List<String> messages = debugMessages(c, "SELECT java_any_value(i), java_any_value(i::text), java_any_value(i::numeric),"
                + " java_any_value(date '2024-01-01' + i) FROM generate_series(1, 1000) i", row);
        assertEquals(List.of("1", "1", "1", "2024-01-02"), row);
        assertEquals(4, messages.stream().filter(m -> m.contains("java_any_value_keep(anyelement,anyelement)")
                && m.contains(TAKES_OVER)).count(), "one per call site: " + messages);
    }

    @Test
    void aValueJavaConvertsBackIsNotTakenOver(Connection c) throws SQLException {
        List<String> row = new ArrayList<>();
        List<String> messages = debugMessages(c, "SELECT encode(java_any_value(decode(to_hex(i), 'escape')), 'escape'),"
                + " java_any_value(ARRAY[i, -i])::text FROM generate_series(10, 1000) i", row);
        assertEquals(List.of("a", "{10,-10}"), row);
        assertFalse(messages.stream().anyMatch(m -> m.contains(TAKES_OVER)), "bytea and arrays go through Java: " + messages);
    }

    @Test
    void primitivesAndTheirSlots(Connection c) throws SQLException {
        List<String> row = new ArrayList<>();
        List<String> messages = debugMessages(c, "SELECT sum(java_latest(i, -i)), sum(java_latest_of(i, 2 * i, 3 * i))"
                + " FROM generate_series(1, 1000) i", row);
        assertEquals(List.of("-500500", "1501500"), row);
        assertEquals(2, messages.stream().filter(m -> m.contains(TAKES_OVER)).count(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("java_latest_of(bigint,bigint,bigint) returns its argument $3")),
                messages.toString());
    }

    @Test
    void itAgreesWithCallingJavaEveryTime(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE anyv AS SELECT i % 7 AS g, CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS n,"
                + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS t FROM generate_series(1, 5000) i");
        // The built-in min() over rows up to the first non-NULL one is the first non-NULL value in that order.
        assertEquals(rows(c, "SELECT g, (array_agg(n ORDER BY n) FILTER (WHERE n IS NOT NULL))[1],"
                        + " (array_agg(t ORDER BY t) FILTER (WHERE t IS NOT NULL))[1] FROM anyv GROUP BY g ORDER BY g"),
                rows(c, "SELECT g, java_any_value(n ORDER BY n), java_any_value(t ORDER BY t) FROM anyv GROUP BY g ORDER BY g"));
        String windows = " FROM anyv WINDOW w AS (PARTITION BY g ORDER BY n, t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),"
                + " v AS (PARTITION BY g ORDER BY t, n ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY g, n, t";
        assertEquals(rows(c, "SELECT g, n, t, min(n) OVER w, min(t) OVER v" + windows),
                rows(c, "SELECT g, n, t, java_any_value(n) OVER w, java_any_value(t) OVER v" + windows),
                "a running window reads the state after every row");
        assertNull(one(c, "SELECT java_any_value(NULL::int) FROM generate_series(1, 10)"));
        assertNull(one(c, "SELECT java_any_value(x) FROM (SELECT 1 WHERE false) s(x)"));
        assertNull(one(c, "SELECT java_latest(NULL, 3)"), "strict, as its int parameters cannot be NULL");
        assertNull(one(c, "SELECT java_latest(i, NULL) FROM generate_series(1, 10) i ORDER BY i DESC LIMIT 1"));
    }

    @Test
    void inParallelWorkersTheCombineFunctionIsTakenOverToo(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS anyv_parallel; CREATE TABLE anyv_parallel AS SELECT i FROM generate_series(1, 200000) i;"
                + " ANALYZE anyv_parallel");
        try {
            exec(c, "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
                    + " SET max_parallel_workers_per_gather = 2");
            String plan = rows(c, "EXPLAIN (COSTS OFF) SELECT java_any_value(i) FROM anyv_parallel").toString();
            assertTrue(plan.contains("Partial Aggregate"), plan);
            int value = (int) one(c, "SELECT java_any_value(i) FROM anyv_parallel");
            assertTrue(value >= 1 && value <= 200000, "a value of the table: " + value);
        } finally {
            exec(c, "RESET ALL; DROP TABLE anyv_parallel");
        }
    }

    @Test
    void aCancelAndAStatementTimeoutStopIt(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            String endless = "SELECT java_any_value(i) FROM generate_series(1, 1000000000) i";
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, endless, WIDE));
            assertEquals(1, one(c, "SELECT 1"));
            exec(c, "SET statement_timeout = '300ms'");
            assertTrue(fails(c, endless, "57014").getMessage().contains("statement timeout"));
            exec(c, "RESET statement_timeout");
            assertEquals(7, one(c, "SELECT java_any_value(x) FROM unnest(ARRAY[NULL, 7, 8]) x"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void withTheJitForced(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            exec(c, "SET jit = on; SET jit_above_cost = 0; SET jit_inline_above_cost = 0; SET jit_optimize_above_cost = 0");
            assertEquals(List.of(List.of(0, 1, "v1"), List.of(1, 1, "v1")), rows(c, "SELECT i % 2 AS g, java_any_value(i / 1000),"
                    + " java_any_value('v' || (i / 1000)) FROM generate_series(1000, 100000) i GROUP BY 1 ORDER BY 1"));
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_anyvalue_latin1", "LATIN1", "aggregates");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertEquals("caf\u00e9", one(c, "SELECT java_any_value(x) FROM unnest(ARRAY[NULL, 'caf\u00e9', 'th\u00e9']) x"));
            assertEquals("th\u00e9 1000", one(c, "SELECT java_any_value('th\u00e9 ' || i ORDER BY i DESC)"
                    + " FROM generate_series(1, 1000) i"));
            assertEquals(1, one(c, "SELECT 1"));
        }
    }
}
