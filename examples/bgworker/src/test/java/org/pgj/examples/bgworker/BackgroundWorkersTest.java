package org.pgj.examples.bgworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.postgresql.util.PSQLException;

/**
 * Dynamic workers against the real server: start, SIGTERM, restart after an exception, errors
 * inside transactions, SIGHUP, no free slot, and the API's misuse. Workers commit, so these
 * tests run outside a test transaction and poll for the workers' work.
 */
@PgjTest
class BackgroundWorkersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Connection c;
    private final PgServer server;

    BackgroundWorkersTest(Connection c, PgServer server) {
        this.c = c;
        this.server = server;
    }

    @AfterEach
    void stopWorkers() throws SQLException {
        Sql.one(c, "SELECT stop_workers()");
    }

    private long events(String worker, String event) throws SQLException {
        return (Long) Sql.one(c, "SELECT count(*) FROM bgw_events WHERE worker = ? AND event = ?", worker, event);
    }

    private int start(String entry, int argument, int restartSeconds) throws SQLException {
        Sql.run(c, "DELETE FROM bgw_events WHERE worker = ?", "pgj test " + entry + " " + argument);
        return (Integer) Sql.one(c, "SELECT start_worker(?, ?, ?, current_database())", entry, argument, restartSeconds);
    }

    private boolean running(int pid) throws SQLException {
        return (Long) Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = ?", pid) > 0;
    }

    private void assertNoCrashInLog() {
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void workerRunsJavaCommitsAndStopsOnSigterm() throws Exception {
        int pid = start("recorder", 1, -1);
        Poll.until("the worker's committed 'started' event", WAIT, Duration.ofMillis(20),
                () -> events("pgj test recorder 1", "started") == 1);
        assertEquals("pgj test worker", Sql.one(c, "SELECT backend_type FROM pg_stat_activity WHERE pid = ?", pid));
        assertEquals(true, Sql.one(c, "SELECT pg_terminate_backend(?)", pid));
        long start = System.nanoTime();
        Poll.until("the worker's exit after SIGTERM", Duration.ofSeconds(5), Duration.ofMillis(5), () -> !running(pid));
        System.out.printf("worker exited %.0f ms after pg_terminate_backend%n", (System.nanoTime() - start) / 1e6);
        assertEquals(1, (Integer) Sql.one(c, "SELECT 1"));
        assertNoCrashInLog();
    }

    @Test
    void terminateUnregistersTheWorkerAndWaitsForIt() throws Exception {
        int pid = start("recorder", 2, 1);
        Poll.until(WAIT, Duration.ofMillis(20), () -> events("pgj test recorder 2", "started") == 1);
        // stop_workers() checks that each worker is Stopped: forgotten by the postmaster, never restarted.
        assertEquals(1, (Integer) Sql.one(c, "SELECT stop_workers()"));
        assertFalse(running(pid));
        assertEquals(1, events("pgj test recorder 2", "started"));
    }

    @Test
    void exceptionIsLoggedAndWorkerRestarted() throws Exception {
        start("failing", 2, 1);
        Poll.until("a restart after the exception", WAIT, Duration.ofMillis(50),
                () -> events("pgj test failing 2", "started") >= 2);
        Poll.until("the exception in the server log", WAIT, Duration.ofMillis(50),
                () -> server.lastLogLines(400).stream().anyMatch(l -> l.contains("IllegalStateException: worker failure 2")));
        assertNoCrashInLog();
    }

    @Test
    void withoutRestartTimeAFailedWorkerStaysStopped() throws Exception {
        int pid = start("failing", 3, -1);
        Poll.until(WAIT, Duration.ofMillis(20), () -> events("pgj test failing 3", "started") == 1);
        Poll.until(WAIT, Duration.ofMillis(20), () -> !running(pid));
        // Stopped, not NotYetStarted: the postmaster has forgotten it, so it is never restarted.
        Poll.until("the postmaster to forget the worker", WAIT, Duration.ofMillis(20),
                () -> "Stopped[]".equals(Sql.one(c, "SELECT worker_status('pgj test failing 3')")));
        assertEquals(1, events("pgj test failing 3", "started"));
    }

    @Test
    void errorInsideTransactionRollsBackAndWorkerCarriesOn() throws Exception {
        start("tx_errors", 4, -1);
        Poll.until(WAIT, Duration.ofMillis(20), () -> events("pgj test tx_errors 4", "caught") == 1);
        assertEquals("22012", Sql.one(c, "SELECT value FROM bgw_events WHERE worker = 'pgj test tx_errors 4' AND event = 'caught'"));
        assertEquals("true", Sql.one(c, "SELECT value FROM bgw_events WHERE worker = 'pgj test tx_errors 4' AND event = 'nested refused'"));
        assertEquals(0, events("pgj test tx_errors 4", "rolled back"));
        assertEquals(0, events("pgj test tx_errors 4", "never"));
    }

    @Test
    void sighupReloadsSettingsTheWorkerReads() throws Exception {
        server.setConfig("bgworker.naptime", "10");
        start("sighup", 5, -1);
        String query = "SELECT string_agg(value, ',' ORDER BY at) FROM bgw_events WHERE worker = 'pgj test sighup 5'";
        Poll.until(WAIT, Duration.ofMillis(20), () -> "10".equals(Sql.one(c, query)));
        try {
            server.setConfig("bgworker.naptime", "7");
            Poll.until("the worker to see naptime 7 after SIGHUP", WAIT, Duration.ofMillis(20),
                    () -> "10,7".equals(Sql.one(c, query)));
        } finally {
            server.setConfig("bgworker.naptime", "10");
        }
    }

    @Test
    void apiOutsideAWorkerIsAClearError() throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> Sql.one(c, "SELECT worker_name_here()"));
        assertTrue(e.getMessage().contains("works only inside a pgj background worker"), e.getMessage());
        assertEquals(1, (Integer) Sql.one(c, "SELECT 1"));
    }

    @Test
    void workerWithAnotherNotifyPidIsUntracked() throws SQLException {
        assertEquals("Untracked[notifyPid=0]", Sql.one(c, "SELECT untracked_status()"));
    }

    @Test
    void noFreeSlotIsAnErrorNotACrash() throws Exception {
        PSQLException e = assertThrows(PSQLException.class,
                () -> Sql.one(c, "SELECT fill_worker_slots(current_database())"));
        assertEquals("53000", e.getSQLState());
        assertTrue(e.getMessage().contains("no free worker slot"), e.getMessage());
        assertEquals(1, (Integer) Sql.one(c, "SELECT 1"));
        Poll.until(WAIT, Duration.ofMillis(20),
                () -> (Long) Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type LIKE 'pgj test filler%'") == 0);
        assertNoCrashInLog();
    }

    @Test
    void builderMistakesFailAtOnce() throws SQLException {
        assertError("extra", "22023", "at most 128 bytes");
        assertError("lambda", "22023", "reference to a static");
        assertError("no entry point", "38000", "has no entry point");
        assertError("name", "22023", "at most 95");
        assertError("load", "38000", "declares a static worker");
        assertError("startup", "38000", "start-up callback is for static workers");
        assertEquals(1, (Integer) Sql.one(c, "SELECT 1"));
    }

    private void assertError(String mistake, String sqlState, String text) {
        PSQLException e = assertThrows(PSQLException.class, () -> Sql.one(c, "SELECT bad_builder(?)", mistake));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
