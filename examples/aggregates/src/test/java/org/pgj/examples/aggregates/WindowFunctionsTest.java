package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/** Window functions in Java (@PgFunction(window = true)) against the built-in ones on the same data. */
@PgjTest
class WindowFunctionsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);
    private static final String DATA = "CREATE TEMP TABLE w AS SELECT i, i % 3 AS g, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 37) % 50 END AS v,"
            + " 'r' || i AS t FROM generate_series(1, 40) i";

    private static void same(Connection c, String builtIn, String java, String window) throws SQLException {
        assertEquals(rows(c, "SELECT i, " + builtIn + " OVER (" + window + ") FROM w ORDER BY i"),
                rows(c, "SELECT i, " + java + " OVER (" + window + ") FROM w ORDER BY i"), java + " OVER (" + window + ")");
    }

    @Test
    void theyAgreeWithTheBuiltInOnes(Connection c) throws SQLException {
        exec(c, DATA);
        assertEquals("w", one(c, "SELECT prokind FROM pg_proc WHERE proname = 'java_lag'").toString());
        for (String window : new String[] {"ORDER BY i", "PARTITION BY g ORDER BY i", "PARTITION BY g ORDER BY v, i"}) {
            same(c, "row_number()", "java_row_number()", window);
            same(c, "lag(v, 1)", "java_lag(v, 1)", window);
            same(c, "lag(v, 3)", "java_lag(v, 3)", window);
            same(c, "lead(v, 2)", "java_lead(v, 2)", window);
            same(c, "lag(t, 2)", "java_lag_text(t, 2)", window);
            same(c, "first_value(v)", "java_first_value(v)", window);
            same(c, "nth_value(v, 3)", "java_nth_value(v, 3)", window);
            same(c, "first_value(v)", "java_first_value(v)", window + " ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING");
            same(c, "nth_value(v, 2)", "java_nth_value(v, 2)", window + " ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING");
            same(c, "nth_value(v, 2)", "java_nth_value(v, 2)", window + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING");
        }
        assertEquals(0.75, one(c, "SELECT java_share_before() OVER (ORDER BY x) FROM generate_series(1, 4) x"
                + " ORDER BY 1 DESC LIMIT 1"));
    }

    @Test
    void nullsAndEdges(Connection c) throws SQLException {
        assertEquals(null, one(c, "SELECT java_lag(x, 1) OVER (ORDER BY x) FROM generate_series(1, 1) x"));
        assertEquals(null, one(c, "SELECT java_lag(x, 2000000000) OVER () FROM generate_series(1, 1) x"));
        assertEquals(null, one(c, "SELECT java_lag(NULL::int, 1) OVER ()"));
        assertEquals(null, one(c, "SELECT java_nth_value(1, 2) OVER ()"));
        fails(c, "SELECT java_nth_value(1, 0) OVER ()", "22023");
        fails(c, "SELECT java_lag(1, NULL) OVER ()", "22004");
    }

    @Test
    void misuseIsRefused(Connection c) throws SQLException {
        assertEquals("42809", fails(c, "SELECT java_lag(1, 1)", "42809").getSQLState(), "the server wants OVER");
        assertTrue(fails(c, "SELECT not_a_window()", "38000").getMessage().contains("is for a window function"));
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aCancelStopsALongWindow(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "SELECT sum(l) FROM (SELECT java_lag(x, 1) OVER (ORDER BY x) l FROM generate_series(1, 500000000) x) s", WIDE));
            assertEquals(2, one(c, "SELECT java_lag(x, 1) OVER (ORDER BY x) FROM generate_series(1, 3) x ORDER BY 1 DESC NULLS LAST LIMIT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_windows_latin1", "LATIN1", "aggregates");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertEquals(rows(c, "SELECT lag(t, 1) OVER (ORDER BY t) FROM unnest(ARRAY['caf\u00e9', 'th\u00e9', '\u00e0']) t"),
                    rows(c, "SELECT java_lag_text(t, 1) OVER (ORDER BY t) FROM unnest(ARRAY['caf\u00e9', 'th\u00e9', '\u00e0']) t"));
        }
    }
}
