package org.pgj.examples.bgworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.postgresql.util.PSQLException;

/**
 * pgx's signal contract for background workers: a SIGTERM that arrives before the worker
 * attaches its handlers (typically while its JVM starts) is held for them; after
 * {@code attachSignalHandlers(SIGTERM)} it only sets the flag and the latch; a worker that never
 * attaches is terminated as PostgreSQL's default has it. Each test ends with the same session
 * answering and no crash in the server log.
 */
@PgjTest
class SignalContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TERMINATED = "FATAL:  terminating background worker \"pgj test worker\" due to administrator command";

    private final Connection c;
    private final PgServer server;
    private final ServerLog.Mark mark;

    SignalContractTest(Connection c, PgServer server) {
        this.c = c;
        this.server = server;
        this.mark = ServerLog.mark(server);
    }

    @AfterEach
    void sessionAnswersAndNothingCrashed() throws SQLException {
        Sql.one(c, "SELECT stop_workers()");
        assertEquals(1, (Integer) Sql.one(c, "SELECT 1"));
        ServerLog.assertNoCrashSince(server, mark);
    }

    private long events(String worker, String event) throws SQLException {
        return (Long) Sql.one(c, "SELECT count(*) FROM bgw_events WHERE worker = ? AND event = ?", worker, event);
    }

    private int start(String entry, int argument) throws SQLException {
        Sql.run(c, "DELETE FROM bgw_events WHERE worker = ?", "pgj test " + entry + " " + argument);
        return (Integer) Sql.one(c, "SELECT start_worker(?, ?, -1, current_database())", entry, argument);
    }

    private boolean running(int pid) throws SQLException {
        return (Long) Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE pid = ?", pid) > 0;
    }

    private long logLinesSinceMark(String text) {
        return ServerLog.linesSince(server, mark).stream().filter(l -> l.contains(text)).count();
    }

    /** pgx's test_dynamic_bgworker, several times: each SIGTERM comes while the worker's JVM starts. */
    @Test
    void pgxDynamicWorkerTestHoldsTheEarlySigtermForTheHandler() throws SQLException {
        for (int round = 0; round < 3; round++) {
            Sql.run(c, "DROP TABLE IF EXISTS bgworker_test");
            assertEquals(124, (Integer) Sql.one(c, "SELECT pgx_dynamic_bgworker(123)"), "round " + round);
        }
        List<String> log = ServerLog.linesSince(server, mark);
        assertTrue(log.stream().noneMatch(l -> l.contains("FATAL") && l.contains("dynamic_bgworker")),
                () -> String.join("\n", log));
        Sql.run(c, "DROP TABLE bgworker_test");
    }

    /**
     * Starts a test worker, waits for its 'started' event, sends it SIGTERM with
     * pg_terminate_backend and waits until it has exited and the postmaster has forgotten it
     * (Stopped: it is never restarted).
     */
    private void startThenTerminate(String entry, int argument) throws Exception {
        String name = "pgj test " + entry + " " + argument;
        int pid = start(entry, argument);
        Poll.until("the worker's 'started' event", WAIT, Duration.ofMillis(20), () -> events(name, "started") == 1);
        assertEquals(true, Sql.one(c, "SELECT pg_terminate_backend(?)", pid));
        Poll.until("the worker's exit after SIGTERM", WAIT, Duration.ofMillis(10), () -> !running(pid));
        Poll.until("the postmaster forgets it (never restarted)", WAIT, Duration.ofMillis(20),
                () -> "Stopped[]".equals(Sql.one(c, "SELECT worker_status(?)", name)));
    }

    @Test
    void afterAttachASigtermOnlySetsTheFlagAndTheWorkerFinishesItsWork() throws Exception {
        startThenTerminate("attached_recorder", 1);
        // A termination would have made its last transaction impossible, and logged a FATAL.
        assertEquals(1, events("pgj test attached_recorder 1", "stopping after sigterm"));
        assertEquals(0, logLinesSinceMark(TERMINATED));
    }

    @Test
    void aWorkerThatNeverAttachesIsTerminatedBySigterm() throws Exception {
        startThenTerminate("recorder", 2);
        Poll.until("the FATAL of the termination in the log", WAIT, Duration.ofMillis(20),
                () -> logLinesSinceMark(TERMINATED) == 1);
        assertEquals(1, events("pgj test recorder 2", "started"));
    }

    /** The held SIGTERM becomes PostgreSQL's default at the worker's first server use: it is terminated there. */
    @Test
    void aSigtermWhileTheJvmStartsTerminatesAWorkerThatNeverAttaches() throws Exception {
        Sql.run(c, "DELETE FROM bgw_events WHERE worker = 'pgj test recorder 3'");
        Sql.run(c, "SELECT terminate_at_once('recorder', 3)");
        Poll.until("the FATAL of the termination in the log", WAIT, Duration.ofMillis(20),
                () -> logLinesSinceMark(TERMINATED) == 1);
        // Terminated at its connection or its first transaction: it never committed an event.
        assertEquals(0, events("pgj test recorder 3", "started"));
    }

    /**
     * A worker that spins in Java from its first line and never attaches, never waits: its SIGTERM
     * is held for a second of its CPU time (the grace to attach, which a loaded machine does not
     * shorten), then ends it as PostgreSQL's default does. A fast shutdown would otherwise wait
     * for it for ever.
     */
    @Test
    void aWorkerThatSpinsWithoutAttachingIsTerminatedAfterTheGrace() throws Exception {
        int pid = start("spinner", 5);
        long start = System.nanoTime();
        // Through its handle (the postmaster sends the SIGTERM): pg_terminate_backend does not
        // reach a worker that never connected to a database.
        assertEquals(1, Sql.one(c, "SELECT stop_workers()"), "terminated, and Stopped");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("a worker spinning without attaching exited %d ms after its SIGTERM%n", millis);
        assertTrue(millis >= 900, "it was held for the grace to attach: " + millis + " ms");
        assertTrue(!running(pid));
        Poll.until("the FATAL of the termination in the log", WAIT, Duration.ofMillis(20),
                () -> logLinesSinceMark(TERMINATED) == 1);
    }

    /** A SIGHUP before the worker attaches is still reported after it does. */
    @Test
    void aSighupBeforeAttachIsNotLost() throws Exception {
        server.setConfig("bgworker.naptime", "10");
        try {
            start("late_attacher", 4);
            Poll.until("the worker's first naptime", WAIT, Duration.ofMillis(20),
                    () -> events("pgj test late_attacher 4", "naptime") == 1);
            server.setConfig("bgworker.naptime", "7");
            Poll.until("the worker's report after attaching", WAIT, Duration.ofMillis(20),
                    () -> events("pgj test late_attacher 4", "sighup after attach") == 1);
            assertEquals("true", Sql.one(c,
                    "SELECT value FROM bgw_events WHERE worker = 'pgj test late_attacher 4' AND event = 'sighup after attach'"));
        } finally {
            server.setConfig("bgworker.naptime", "10");
        }
    }

    /** Outside a worker attaching is refused, and the backend keeps its own SIGTERM. */
    @Test
    void attachOutsideAWorkerIsAClearErrorAndChangesNothing() throws Exception {
        try (Connection other = server.connect()) {
            int pid = (Integer) Sql.one(other, "SELECT pg_backend_pid()");
            PSQLException e = assertThrows(PSQLException.class, () -> Sql.one(other, "SELECT attach_here()"));
            assertEquals("38000", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("works only inside a pgj background worker"), e.getMessage());
            assertEquals(1, (Integer) Sql.one(other, "SELECT 1"));
            assertEquals(true, Sql.one(c, "SELECT pg_terminate_backend(?)", pid));
            Poll.until("the backend's exit after pg_terminate_backend", WAIT, Duration.ofMillis(10), () -> !running(pid));
        }
    }
}
