package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/** Primitive arrays as zero-copy buffers (IntBuffer, ...): edge values, NULLs, shapes, use after the call, hostile sessions. */
@PgjTest
class PrimitiveViewsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    @Test
    void eachElementTypeRoundTripsWithItsEdgeValues(Connection c) throws SQLException {
        roundTrips(c, "echo_short_view", "int2[]", "=", "'{}'", "'{-32768,0,32767}'");
        roundTrips(c, "echo_int_view", "int4[]", "=", "'{}'", "'{1}'", "'{-2147483648,0,2147483647}'",
                "array(select generate_series(1, 100000))");
        roundTrips(c, "echo_long_view", "int8[]", "=", "'{-9223372036854775808,9223372036854775807}'", "'{}'");
        roundTrips(c, "echo_float_view", "float4[]", "=", "'{1.5,-0,NaN,Infinity,-Infinity,3.4e38,1e-45}'");
        roundTrips(c, "echo_double_view", "float8[]", "=", "'{1.5,-0,NaN,Infinity,-Infinity,1e-308,4.9e-324}'");
    }

    @Test
    void sumsAgreeWithTheServer(Connection c) throws SQLException {
        assertEquals(true, one(c, "SELECT sum_int_view(a) = (SELECT sum(x) FROM unnest(a) x)"
                + " FROM (SELECT array(select generate_series(-500, 1000000)) a) t"));
        assertEquals(0L, one(c, "SELECT sum_short_view('{-32768,32767,1}')"));
        assertEquals(-1L, one(c, "SELECT sum_long_view('{-9223372036854775808,9223372036854775807}')"));
        assertEquals(6.0, one(c, "SELECT sum_float_view('{1.5,2.5,2}')"));
        assertEquals(0.0, one(c, "SELECT sum_double_view('{}')"));
        assertEquals(0L, one(c, "SELECT sum_int_view('{}')"), "an empty array is an empty buffer");
        assertEquals("{3,4}", text(c, "SELECT int_view_tail('{1,2,3,4}', 2)::text"), "a result is the remaining elements");
        assertEquals("{}", text(c, "SELECT int_view_tail('{1,2}', 5)::text"));
        fails(c, "SELECT sum_long_view('{9223372036854775807,1}')", "22003");
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void storedCompressedAndExpandedArraysAreFlattenedFirst(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE stored_views (a int4[])",
                "INSERT INTO stored_views SELECT array(select i % 7 from generate_series(1, 200000) i)",
                "INSERT INTO stored_views VALUES ('{5,6}')");
        assertEquals(true, one(c, "SELECT bool_and(sum_int_view(a) = (SELECT sum(x) FROM unnest(a) x)) FROM stored_views"));
        // A PL/pgSQL variable built with || is an expanded array: the server flattens it for the view.
        exec(c, "CREATE FUNCTION pg_temp.expanded_sum(n int) RETURNS bigint LANGUAGE plpgsql AS $$"
                + " DECLARE a int4[] := '{}'; BEGIN FOR i IN 1..n LOOP a := a || i; END LOOP;"
                + " RETURN sum_int_view(a); END $$");
        assertEquals(5050L, one(c, "SELECT pg_temp.expanded_sum(100)"));
    }

    @Test
    void nullsAndShapesAreRefusedClearly(Connection c) throws SQLException {
        assertNull(one(c, "SELECT sum_int_view(NULL)"), "a NULL array: the function is strict");
        assertTrue(fails(c, "SELECT sum_int_view('{1,NULL,3}')", "22004").getServerErrorMessage().getHint()
                .contains("Integer[]"), "the hint says how to receive NULL elements");
        fails(c, "SELECT sum_double_view('{NULL}')", "22004");
        assertTrue(fails(c, "SELECT sum_int_view('{{1,2},{3,4}}')", "2202E").getMessage().contains("2 dimension(s)"));
        fails(c, "SELECT sum_int_view('[0:2]={1,2,3}')", "2202E");
        fails(c, "SELECT sum_int_view('{1,x}')", "22P02");
        assertEquals("read-only", one(c, "SELECT write_int_view('{1,2}')"), "the server's array is never written through a view");
        assertEquals("{1,2}", text(c, "SELECT a::text FROM (SELECT '{1,2}'::int4[] a) t WHERE write_int_view(a) IS NOT NULL"));
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aKeptViewIsClosedAfterTheCall(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            assertEquals("kept 3 elements", one(c, "SELECT keep_int_view('{7,8,9}')"));
            assertEquals("closed", one(c, "SELECT keep_int_view(NULL)"), "using the view after its call throws, never reads freed memory");
            exec(c, "CREATE TEMP TABLE kept_views AS SELECT array(select generate_series(1, 100000)) a");
            assertEquals("kept 100000 elements", one(c, "SELECT keep_int_view(a) FROM kept_views"));
            assertEquals("closed", one(c, "SELECT keep_int_view(NULL)"));
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aCancelStopsALongRunOfViews(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c,
                    "SELECT sum(sum_int_view(a)) FROM (SELECT array(select generate_series(1, 1000)) a) t, generate_series(1, 1000000000)",
                    WIDE));
            assertEquals(6L, one(c, "SELECT sum_int_view('{1,2,3}')"));
            exec(c, "SET statement_timeout = '200ms'");
            fails(c, "SELECT sum(sum_long_view(a)) FROM (SELECT array(select generate_series(1::bigint, 1000)) a) t,"
                    + " generate_series(1, 1000000000)", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void withJitForced(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            exec(c, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0", "SET jit_optimize_above_cost = 0");
            assertEquals(true, one(c, "SELECT bool_and(sum_int_view(a) = (SELECT sum(x) FROM unnest(a) x))"
                    + " FROM (SELECT array(select generate_series(1, g)) a FROM generate_series(0, 300) g) t"));
            assertEquals(true, one(c, "SELECT bool_and(echo_double_view(a) = a) FROM (SELECT array[g, g / 3.0, 'NaN'] :: float8[] a"
                    + " FROM generate_series(1, 1000) g) t"));
            fails(c, "SELECT sum_int_view(ARRAY[g, NULL]) FROM generate_series(1, 3) g", "22004");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_types_views_latin1", "LATIN1", "types");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertEquals(15L, one(c, "SELECT sum_int_view('{1,2,3,4,5}')"));
            assertEquals("{2.5,-1}", text(c, "SELECT echo_double_view('{2.5,-1}')::text"));
            assertEquals("kept 2 elements", one(c, "SELECT keep_int_view('{1,2}')"));
            assertEquals("closed", one(c, "SELECT keep_int_view(NULL)"));
            fails(c, "SELECT sum_int_view('{NULL}')", "22004");
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
