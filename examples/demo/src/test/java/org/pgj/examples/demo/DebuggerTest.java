package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.postgresql.util.PSQLException;

/**
 * pgj.debug_port: jdb attaches to one session's JVM, stops at a breakpoint in extension code,
 * reads its locals and continues; a session stopped there can still be terminated. Test servers
 * do not allow debugging unless their configuration says so (pgj.debug_allowed), as here.
 */
@PgjTest
class DebuggerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BREAKPOINT = "org.pgj.examples.demo.Debugging.checked";

    @AfterEach
    void disallow(PgServer server) {
        server.setConfig("pgj.debug_allowed", "off");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A session whose JVM listens on {@code port}, started by a first call; returns its NOTICE. */
    private static String debuggableSession(Connection c, int port) throws SQLException {
        Sql.exec(c, "load 'pgj'", "set pgj.debug_port = " + port);
        try (Statement s = c.createStatement()) {
            s.execute("select add_one(1)");
            SQLWarning w = s.getWarnings();
            return w == null ? "" : w.getMessage();
        }
    }

    private static CompletableFuture<Object> call(Connection c, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Sql.one(c, sql);
            } catch (SQLException e) {
                return e;
            }
        });
    }

    /** Sets the breakpoint and starts {@code weigh(word)} in {@code c}; returns the statement's outcome once jdb reports the hit. */
    private static CompletableFuture<Object> stopInWeigh(Connection c, Jdb jdb, String word) throws IOException {
        jdb.send("stop in " + BREAKPOINT);
        jdb.await("breakpoint " + BREAKPOINT, WAIT);
        CompletableFuture<Object> result = call(c, "select weigh('" + word + "')");
        jdb.await("Breakpoint hit:", WAIT);
        jdb.await(BREAKPOINT, WAIT);
        return result;
    }

    @Test
    void jdbStopsAtABreakpointReadsLocalsAndContinues(PgServer server) throws Exception {
        server.setConfig("pgj.debug_allowed", "on");
        int port = freePort();
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect(); Jdb jdb = Jdb.attachWhenListening(debuggableSession(c, port), port)) {
            CompletableFuture<Object> result = stopInWeigh(c, jdb, "pgj");
            jdb.send("print weight");
            assertTrue(jdb.await("weight = ", WAIT).endsWith("weight = "));
            jdb.await(Long.toString("pgj".hashCode()), WAIT);
            jdb.send("print word");
            jdb.await("word = \"pgj\"", WAIT);
            assertTrue(!result.isDone(), "the statement waits at the breakpoint");
            jdb.send("clear " + BREAKPOINT).send("cont");
            assertEquals((long) "pgj".hashCode(), result.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0L, Sql.one(c, "select weigh('')"), "no breakpoint once cleared");
            assertEquals(1, Sql.one(c, "select 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aSessionStoppedAtABreakpointCanBeTerminated(PgServer server) throws Exception {
        server.setConfig("pgj.debug_allowed", "on");
        int port = freePort();
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect(); Connection observer = server.connect();
                Jdb jdb = Jdb.attachWhenListening(debuggableSession(c, port), port)) {
            int pid = (Integer) Sql.one(c, "select pg_backend_pid()");
            CompletableFuture<Object> result = stopInWeigh(c, jdb, "stuck");
            assertEquals(true, Sql.one(observer, "select pg_terminate_backend(" + pid + ")"));
            Object outcome = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome instanceof SQLException, "the statement ends with the termination: " + outcome);
            Poll.until("backend " + pid + " to exit", WAIT, Duration.ofMillis(50),
                    () -> Sql.one(observer, "select count(*) from pg_stat_activity where pid = " + pid).equals(0L));
            assertEquals(1, Sql.one(observer, "select 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aCancelAtABreakpointEndsTheStatementOnceTheDebuggerContinues(PgServer server) throws Exception {
        server.setConfig("pgj.debug_allowed", "on");
        int port = freePort();
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect(); Connection observer = server.connect();
                Jdb jdb = Jdb.attachWhenListening(debuggableSession(c, port), port)) {
            int pid = (Integer) Sql.one(c, "select pg_backend_pid()");
            CompletableFuture<Object> result = stopInWeigh(c, jdb, "cancelled");
            assertEquals(true, Sql.one(observer, "select pg_cancel_backend(" + pid + ")"));
            jdb.send("clear " + BREAKPOINT).send("cont");
            Object outcome = result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(outcome instanceof SQLException e && "57014".equals(e.getSQLState()), "the cancel: " + outcome);
            assertEquals(0L, Sql.one(c, "select weigh('')"), "the session goes on");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void onlyASuperuserOnAServerThatAllowsIt(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "load 'pgj'");
            PSQLException e = Sql.fails(c, "set pgj.debug_port = 5005", "42501");
            Sql.contains(e.getMessage(), "Java debugging is not allowed on this server");
            Sql.contains(e.getServerErrorMessage().getHint(), "pgj.debug_allowed = on");
            Sql.exec(c, "do $$ begin create role pgj_debug_user login; exception when duplicate_object then null; end $$");
        }
        server.setConfig("pgj.debug_allowed", "on");
        try (Connection plain = server.connectAs("pgj_debug_user")) {
            assertEquals(2, Sql.one(plain, "select add_one(1)"));
            Sql.fails(plain, "set pgj.debug_port = 5005", "42501");
            assertEquals(1, Sql.one(plain, "select 1"));
        }
        try (Connection c = server.connect()) {
            Sql.exec(c, "load 'pgj'");
            Sql.fails(c, "set pgj.debug_port = 70000", "22023");
            assertEquals("0", Sql.one(c, "show pgj.debug_port"));
        }
    }

    @Test
    void aPortInUseIsAClearStartError(PgServer server) throws Exception {
        server.setConfig("pgj.debug_allowed", "on");
        ServerLog.Mark mark = ServerLog.mark(server);
        try (ServerSocket taken = new ServerSocket(0); Connection c = server.connect()) {
            Sql.exec(c, "load 'pgj'", "set pgj.debug_port = " + taken.getLocalPort());
            PSQLException e = assertThrows(PSQLException.class, () -> Sql.one(c, "select add_one(1)"));
            Sql.contains(e.getMessage(), "pgj.debug_port " + taken.getLocalPort() + " is in use on localhost");
            assertEquals(1, Sql.one(c, "select 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
