package org.pgj.examples.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** FINALFUNC_EXTRA: java_mode(anyelement), a polymorphic aggregate over a Java-object state, against the built-in mode(). */
@PgjTest
class FinalFunctionExtraTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    @Test
    void theAggregateIsDeclaredWithFinalFuncExtra(Connection c) throws SQLException {
        assertEquals(true, one(c, "SELECT aggfinalextra FROM pg_aggregate WHERE aggfnoid = 'java_mode'::regproc"));
        assertEquals("anyelement", one(c, "SELECT pg_get_function_result('java_mode'::regproc)"));
        assertEquals("java_mode_final(internal,anyelement)", one(c, "SELECT aggfinalfn::regprocedure::text"
                + " FROM pg_aggregate WHERE aggfnoid = 'java_mode'::regproc"));
    }

    @Test
    void itAgreesWithTheBuiltInModeForEachType(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE modes AS SELECT g, (i * i) % 7 AS n, ((i * i) % 7)::text || 'x' AS t,"
                + " date '2024-01-01' + (i * i) % 7 AS d, ((i * i) % 7) / 4.0 AS r"
                + " FROM generate_series(1, 3) g, generate_series(1, 40 + g) i");
        for (String column : new String[] {"n", "t", "d", "r"}) {
            assertEquals(rows(c, "SELECT g, mode() WITHIN GROUP (ORDER BY " + column + ") FROM modes GROUP BY g ORDER BY g"),
                    rows(c, "SELECT g, java_mode(" + column + ") FROM modes GROUP BY g ORDER BY g"), column);
        }
        assertEquals("integer", one(c, "SELECT pg_typeof(java_mode(n))::text FROM modes"));
        assertEquals("date", one(c, "SELECT pg_typeof(java_mode(d))::text FROM modes"));
        assertEquals(4, one(c, "SELECT java_mode(n) OVER (ORDER BY n DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                + " FROM modes LIMIT 1"));
    }

    @Test
    void nullsAndNoRows(Connection c) throws SQLException {
        assertNull(one(c, "SELECT java_mode(x) FROM (SELECT 1 WHERE false) s(x)"));
        assertNull(one(c, "SELECT java_mode(NULL::int)"));
        assertEquals("b", one(c, "SELECT java_mode(x) FROM unnest(ARRAY['a', NULL, 'b', NULL, 'b', NULL]) x"),
                "NULLs are skipped");
    }

    @Test
    void anArgumentOfUnknownTypeIsTheServersError(Connection c) throws SQLException {
        assertTrue(fails(c, "SELECT java_mode('x')", "42804").getMessage().contains("polymorphic"));
        fails(c, "SELECT java_mode(1, 2)", "42883");
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aCancelStopsALongAggregation(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "SELECT java_mode(i % 1000) FROM generate_series(1, 1000000000) i", WIDE));
            assertEquals(3, one(c, "SELECT java_mode(x) FROM unnest(ARRAY[1, 3, 3]) x"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_aggregates_latin1", "LATIN1", "aggregates");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertEquals("caf\u00e9", one(c, "SELECT java_mode(x) FROM unnest(ARRAY['th\u00e9', 'caf\u00e9', 'caf\u00e9']) x"));
        }
    }
}
