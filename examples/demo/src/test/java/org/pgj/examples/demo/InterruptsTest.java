package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;

/**
 * Cancel, statement_timeout and pg_terminate_backend stop a Java loop that checks for interrupts
 * and swallows {@code Exception}. The bounds here are generous (the machine is shared); the
 * benchmark reports the real latency. examples/safety covers code that never checks.
 */
@PgjTest
class InterruptsTest {
    private static final Duration WIDE = Duration.ofSeconds(30);

    @Test
    void statementTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '200ms'");
        }
        long start = System.nanoTime();
        PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select spin()"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("57014", e.getSQLState());
        assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
        assertTrue(millis < 5000, "stopped after " + millis + " ms");
        try (Statement s = c.createStatement()) {
            s.execute("reset statement_timeout");
        }
        assertEquals(1, FunctionsTest.one(c, "select 1"));
    }

    @Test
    void cancel(Connection c, PgServer server) throws Exception {
        try (Connection observer = server.connect();
             RunningStatement running = RunningStatement.start(c, observer, "select spin()").awaitActive(WIDE)) {
            long millis = running.stop(RunningStatement.Stop.CANCEL, WIDE);
            SQLException e = running.outcome(WIDE);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("user request"), e.getMessage());
            System.out.println("cancel stopped the Java loop in " + millis + " ms");
        }
        assertEquals(1, FunctionsTest.one(c, "select 1"), "same session carries on");
    }

    @Test
    void terminate(Connection c, PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection observer = server.connect();
             RunningStatement running = RunningStatement.start(c, observer, "select spin()").awaitActive(WIDE)) {
            running.stop(RunningStatement.Stop.TERMINATE, WIDE);
            SQLException e = running.outcome(WIDE);
            assertEquals("57P01", e.getSQLState(), e.getMessage());
            running.awaitBackendExit(WIDE);
            assertEquals(1, FunctionsTest.one(observer, "select 1"), "other sessions unaffected");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
