package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pgj.test.IsolatedServer;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * An install that carries no AOT cache (a package, a copy) gets one of its own: the first client
 * backend records it into the data directory as it runs, and the next backends start with it. On
 * the isolated server, whose installation's cache from pgj's tools is moved aside meanwhile.
 */
class OwnAotCacheTest {
    private final IsolatedServer server = IsolatedServer.get();

    @Test
    void anInstallWithoutACacheRecordsItsOwnOnceAndUsesIt() throws Exception {
        Path sharedCache = withoutTheToolsCache(ownDir -> {
            List<String> recording = firstCall();
            contains(String.join("\n", recording), "AOT cache: none, recording");
            Poll.until("the backend that recorded it has written the server's own AOT cache into " + ownDir,
                    Duration.ofMinutes(3), Duration.ofMillis(100), () -> written(ownDir));

            List<String> next = firstCall();
            contains(String.join("\n", next), "AOT cache: " + ownDir);
            try (Stream<Path> files = Files.list(ownDir)) {
                assertEquals(1, files.filter(f -> f.toString().endsWith(".aot")).count(), "one cache, recorded once");
            }
        });
        // With the tools' cache back, a new backend uses it again.
        contains(String.join("\n", firstCall()), "AOT cache: " + sharedCache);
    }

    /**
     * The recording session of an ordinary user whose first call a 5 ms statement_timeout cuts
     * during the JVM's start: the session carries on, and the cache is written all the same.
     */
    @Test
    void aRecordingSessionCutByATimeoutStillLeavesACache() throws Exception {
        withoutTheToolsCache(ownDir -> {
            try (Connection c = Victim.ordinaryUser(server)) {
                Sql.run(c, "SET statement_timeout = 5");
                SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT sum_ints(100)"));
                assertEquals("57014", e.getSQLState(), e.getMessage());
                Sql.run(c, "RESET statement_timeout");
                assertEquals(4950L, one(c, "SELECT sum_ints(100)"));
                assertEquals(1, one(c, "SELECT 1"));
            }
            Poll.until("the cut session's backend has written the server's own AOT cache into " + ownDir,
                    Duration.ofMinutes(3), Duration.ofMillis(100), () -> written(ownDir));
            contains(String.join("\n", firstCall()), "AOT cache: " + ownDir);
        });
    }

    /**
     * The JVM that records the cache is destroyed as its backend exits, which would wait for every
     * thread that is not a daemon: with one still running, the backend exits without the cache.
     */
    @Test
    void aRecordingBackendWithJavaThreadsStillRunningExitsWithoutTheCache() throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        withoutTheToolsCache(ownDir -> {
            long pid;
            try (Connection c = server.connect()) {
                assertEquals("lingering", one(c, "SELECT start_lingering_thread()"));
                pid = ((Number) one(c, "SELECT pg_backend_pid()")).longValue();
            }
            Poll.until("the recording backend " + pid + " has exited", Duration.ofSeconds(60), Duration.ofMillis(50),
                    () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            Poll.until("the server log says why no cache was written", Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> String.join("\n", ServerLog.linesSince(server, mark)).contains(
                            "the JVM's AOT cache is not written: Java threads that are not daemons still run"));
            try (Stream<Path> files = Files.list(ownDir)) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".aot")), "no cache written");
            }
            try (Connection c = server.connect()) {
                assertEquals(1, one(c, "SELECT 1"));
            }
        });
    }

    private interface OwnCacheCheck {
        void run(Path ownDir) throws Exception;
    }

    /**
     * Runs {@code check} with the installation's cache from pgj's tools moved aside and no cache of
     * the server's own ({@code $PGDATA/pgj_aot}); puts the tools' cache back and removes the
     * server's own afterwards, and fails on crash lines in the server log. Returns the tools' cache.
     */
    private Path withoutTheToolsCache(OwnCacheCheck check) throws Exception {
        Path sharedCache;
        Path ownDir;
        try (Connection c = server.connect()) {
            sharedCache = org.pgj.tooling.installation.PgjRuntime.current()
                    .dir(Path.of(String.valueOf(one(c, "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")), "pgj"))
                    .resolve("pgj.aot");
            ownDir = Path.of(String.valueOf(one(c, "SHOW data_directory")), "pgj_aot");
        }
        Path moved = sharedCache.resolveSibling("pgj.aot.moved-by-test");
        boolean hadShared = Files.exists(sharedCache);
        if (hadShared) {
            Files.move(sharedCache, moved, StandardCopyOption.REPLACE_EXISTING);
        }
        ServerLog.Mark mark = ServerLog.mark(server);
        try {
            deleteOwnCaches(ownDir);
            check.run(ownDir);
        } finally {
            deleteOwnCaches(ownDir);
            if (hadShared) {
                Files.move(moved, sharedCache, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ServerLog.assertNoCrashSince(server, mark);
        return sharedCache;
    }

    /** A new session's first Java call; the DEBUG1 notices of its JVM's start. */
    private List<String> firstCall() throws Exception {
        List<String> notices = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            Sql.run(c, "SET client_min_messages = debug1");
            try (ResultSet rs = s.executeQuery("SELECT sum_ints(100)")) {
                assertTrue(rs.next());
                assertEquals(4950L, rs.getLong(1));
            }
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.add(w.getMessage());
            }
            assertEquals(1, one(c, "SELECT 1"));
        }
        return notices;
    }

    private static boolean written(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".aot")) && names.stream().noneMatch(n -> n.endsWith(".config"));
        }
    }

    private static void deleteOwnCaches(Path dir) throws Exception {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        assertTrue(!Files.exists(dir) || Files.list(dir).findAny().isEmpty());
    }
}
