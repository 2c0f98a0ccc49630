package org.pgj.examples.shmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * Shared memory across backends: the areas exist once pgj is preloaded, start at zero at each
 * server start, and concurrent updates from two sessions are neither lost nor torn.
 */
@PgjTest
class SharedMemoryTest {
    @Test
    void withoutPreloadingTheAreasAreAClearError(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            if (!"".equals(one(c, "SELECT current_setting('shared_preload_libraries')"))) {
                server.setConfig("shared_preload_libraries", ""); // left over from an interrupted run
                server.restart();
            }
        }
        try (Connection c = server.connect()) {
            assertTrue(fails(c, "SELECT hits()", "55000").getMessage().contains("shared_preload_libraries = 'pgj'"));
            fails(c, "SELECT totals()", "55000");
            assertEquals(5L, one(c, "SELECT 5::int8"), "the session goes on");
        }
    }

    @Test
    void twoSessionsShareEveryArea(PgServer server) throws Exception {
        server.setConfig("shared_preload_libraries", "pgj");
        server.restart();
        try {
            sharedByTwoSessions(server);
        } finally {
            server.setConfig("shared_preload_libraries", "");
            server.restart();
        }
        ServerLog.assertNoCrash(server, 400);
    }

    private static void sharedByTwoSessions(PgServer server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection a = server.connect(); Connection b = server.connect()) {
            assertEquals(0L, one(a, "SELECT hits()"), "zero at server start");
            assertEquals(1L, one(a, "SELECT hit()"));
            assertEquals(1L, one(b, "SELECT hits()"), "the other backend sees it");
            both(pool, a, b, "SELECT hit_many(20000)");
            assertEquals(40001L, one(b, "SELECT hits()"), "no increment lost");

            assertEquals(5L, one(a, "SELECT bump_slot(3, 5)"));
            assertEquals(5L, one(b, "SELECT slot(3)"));
            assertEquals(0L, one(b, "SELECT slot(7)"));
            fails(b, "SELECT slot(8)", "2202E");
            fails(b, "SELECT bump_slot(-1, 1)", "2202E");

            assertEquals("(0,0,0)", one(a, "SELECT totals()::text"));
            assertEquals("(1,2.5,2.5)", one(a, "SELECT add_sample(2.5)::text"));
            assertEquals("(1,2.5,2.5)", one(b, "SELECT totals()::text"));
            both(pool, a, b, "SELECT add_samples(5000)");
            // Every update whole: 1 + 2 * 5000 samples, their sum, and the largest.
            assertEquals("(10001,25005002.5,5000)", one(b, "SELECT totals()::text"));
        } finally {
            pool.shutdownNow();
        }
        try (Connection a = server.connect(); Connection b = server.connect()) {
            assertTrue(fails(a, "SELECT nested_update()", "38000").getMessage().contains("held already"));
            assertEquals("(10002,25005003.5,5000)", one(b, "SELECT add_sample(1)::text"), "the lock was let go");
            assertTrue(fails(a, "SELECT failing_update()", "22023").getMessage().contains("no such sample"));
            assertEquals("(10002,25005003.5,5000)", one(b, "SELECT totals()::text"), "unchanged, and not locked");
            assertEquals("(10003,25005004.5,5000)", one(a, "SELECT add_sample(1)::text"));
        }
        server.restart();
        try (Connection a = server.connect()) {
            assertEquals(0L, one(a, "SELECT hits()"), "a new server start, new areas");
            assertEquals("(0,0,0)", one(a, "SELECT totals()::text"));
        }
    }

    /** Runs {@code sql} in both sessions at once. */
    private static void both(ExecutorService pool, Connection a, Connection b, String sql) throws Exception {
        List<Callable<Object>> calls = List.of(() -> one(a, sql), () -> one(b, sql));
        for (Future<Object> f : pool.invokeAll(calls)) {
            f.get();
        }
    }
}
