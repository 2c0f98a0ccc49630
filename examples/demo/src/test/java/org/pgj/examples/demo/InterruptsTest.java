package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.postgresql.util.PSQLException;

/**
 * Cancel, statement_timeout and pg_terminate_backend stop a Java loop that swallows
 * {@code Exception}. The bounds here are generous (the machine is shared); the benchmark
 * reports the real latency.
 */
@PgjTest
class InterruptsTest {

    private static int pid(Connection c) throws SQLException {
        return (Integer) FunctionsTest.one(c, "select pg_backend_pid()");
    }

    private static CompletableFuture<PSQLException> spinIn(Connection c) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                s.execute("select spin()");
                return null;
            } catch (PSQLException e) {
                return e;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitActive(Connection observer, int pid) throws Exception {
        Poll.until(Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> "active".equals(FunctionsTest.one(observer, "select state from pg_stat_activity where pid = ?", pid))
                        && ((String) FunctionsTest.one(observer, "select query from pg_stat_activity where pid = ?", pid)).contains("spin"));
        Thread.sleep(200); // let the loop run in Java
    }

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
        int pid = pid(c);
        CompletableFuture<PSQLException> running = spinIn(c);
        try (Connection observer = server.connect()) {
            awaitActive(observer, pid);
            long start = System.nanoTime();
            assertEquals(true, FunctionsTest.one(observer, "select pg_cancel_backend(?)", pid));
            PSQLException e = running.get(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("user request"), e.getMessage());
            System.out.println("cancel stopped the Java loop in " + millis + " ms");
        }
        assertEquals(1, FunctionsTest.one(c, "select 1"), "same session carries on");
    }

    @Test
    void terminate(Connection c, PgServer server) throws Exception {
        int pid = pid(c);
        CompletableFuture<PSQLException> running = spinIn(c);
        try (Connection observer = server.connect()) {
            awaitActive(observer, pid);
            assertEquals(true, FunctionsTest.one(observer, "select pg_terminate_backend(?)", pid));
            PSQLException e = running.get(10, TimeUnit.SECONDS);
            assertEquals("57P01", e.getSQLState(), e.getMessage());
            Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50),
                    () -> (Long) FunctionsTest.one(observer, "select count(*) from pg_stat_activity where pid = ?", pid) == 0L);
            String log = String.join("\n", server.lastLogLines(100));
            assertTrue(!log.contains("terminated by signal") && !log.contains("was terminated"),
                    "no crash in the server log:\n" + log);
            assertEquals(1, FunctionsTest.one(observer, "select 1"), "other sessions unaffected");
        }
    }
}
