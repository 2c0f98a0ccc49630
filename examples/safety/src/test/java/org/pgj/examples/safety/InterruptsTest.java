package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * Cancel, statement_timeout, lock_timeout, idle_in_transaction_session_timeout and
 * pg_terminate_backend stop Java code that never checks for interrupts, wherever it runs: in a
 * loop, in a blocking call, deep inside the JDK. The statement gets the server's own error; after
 * a cancel the same session carries on, and no crash is logged. The bounds are wide (the machine
 * is shared); `./pgj bench` reports the latency.
 */
@PgjTest
class InterruptsTest {
    /** Calls that never return and never check, each a different place for Java to be in. */
    static Stream<String> neverReturning() {
        return Stream.of("spin_forever()", "log_forever()", "swallow_interrupts()", "collect_in_handler()", "yield_forever()", "sleep_forever()", "wait_forever()",
                "park_forever()", "read_socket_forever()", "wait_for_process()", "regex_backtrack(40)",
                "big_power(100000000)", "sort_random(50000000)");
    }

    @ParameterizedTest
    @MethodSource("neverReturning")
    void cancelStopsIt(String call, PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Victim victim = Victim.of(server).runs("select " + call)) {
            long millis = victim.stopWith("cancel");
            SQLException e = victim.outcome();
            assertNotNull(e, call + " returned");
            assertEquals("57014", e.getSQLState(), e.getMessage());
            contains(e.getMessage(), "canceling statement due to user request");
            System.out.printf("cancel stopped %s in %d ms%n", call, millis);
            assertEquals(1, one(victim.session, "select 1"), "the same session carries on");
            assertEquals(42L, one(victim.session, "select lock_and_count('safety_rows') + 42"), "and runs Java again");
            assertEquals(false, one(victim.session, "select regex_backtrack(3)"), "the JDK's linked code is intact");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @ParameterizedTest
    @MethodSource("neverReturning")
    void terminateStopsIt(String call, PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Victim victim = Victim.of(server).runs("select " + call)) {
            long millis = victim.stopWith("terminate");
            SQLException e = victim.outcome();
            assertNotNull(e, call + " returned");
            assertEquals("57P01", e.getSQLState(), e.getMessage());
            System.out.printf("terminate stopped %s in %d ms%n", call, millis);
            victim.awaitExit();
            assertEquals(1, one(victim.observer, "select 1"), "other sessions carry on");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void statementTimeoutStopsCodeThatCatchesEverything(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        long swallowedBefore = (Long) one(c, "select swallowed_so_far()");
        Sql.run(c, "set statement_timeout = '300ms'");
        SQLException e = Sql.fails(c, "select swallow_interrupts()", "57014");
        contains(e.getMessage(), "canceling statement due to statement timeout");
        Sql.run(c, "reset statement_timeout");
        // Its catch block, which would swallow the interrupt, starts by checking for interrupts
        // (pgj rewrites extension classes so), so it never got to run while the timeout was pending.
        assertEquals(swallowedBefore, one(c, "select swallowed_so_far()"), "catch blocks do not run while an interrupt is pending");
        assertEquals(1, one(c, "select 1"));
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void statementTimeoutStopsTheJdk(Connection c) throws SQLException {
        Sql.run(c, "set statement_timeout = '300ms'");
        Sql.fails(c, "select regex_backtrack(40)", "57014");
        Sql.fails(c, "select big_power(100000000)", "57014");
        Sql.run(c, "reset statement_timeout");
        assertEquals(1, one(c, "select 1"));
    }

    /** The timeout fires while the backend's JVM starts: the first call of a new session. */
    @Test
    void statementTimeoutDuringTheJvmStart(PgServer server) throws SQLException {
        try (Connection fresh = server.connect()) {
            Sql.run(fresh, "set statement_timeout = '5ms'");
            long start = System.nanoTime();
            // Not Sql.fails: its "select 1" afterwards would run out of the 5 ms too (with JIT forced, it does).
            SQLException e = assertThrows(SQLException.class, () -> one(fresh, "select sum_ints(10)"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", e.getSQLState(), e.getMessage());
            contains(e.getMessage(), "statement timeout");
            System.out.printf("a 5 ms statement_timeout on a first call fired after %d ms%n", millis);
            assertTrue(millis < 10_000, millis + " ms");
            Sql.run(fresh, "reset statement_timeout");
            assertEquals(45L, one(fresh, "select sum_ints(10)"), "the JVM is ready afterwards");
        }
    }

    @Test
    void lockTimeoutInsideJava(Connection c, PgServer server) throws Exception {
        try (Connection holder = server.connect()) {
            holder.setAutoCommit(false);
            Sql.run(holder, "lock table safety_rows in access exclusive mode");
            Sql.run(c, "set lock_timeout = '200ms'");
            SQLException e = Sql.fails(c, "select lock_and_count('safety_rows')", "55P03");
            contains(e.getMessage(), "lock timeout");
            Sql.run(c, "reset lock_timeout");
            holder.rollback();
        }
        assertEquals(0L, one(c, "select lock_and_count('safety_rows')"));
    }

    @Test
    void idleInTransactionTimeoutAfterJava(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection idle = Victim.ordinaryUser(server); Connection observer = server.connect()) {
            int pid = (Integer) one(idle, "select pg_backend_pid()");
            Sql.run(idle, "set idle_in_transaction_session_timeout = '200ms'");
            idle.setAutoCommit(false);
            assertEquals(45L, one(idle, "select sum_ints(10)"));
            Poll.until("the idle session to be ended", Duration.ofSeconds(60), Duration.ofMillis(20),
                    () -> (Long) one(observer, "select count(*) from pg_stat_activity where pid = ?", pid) == 0L);
            assertTrue(server.lastLogLines(200).stream().anyMatch(l -> l.contains("idle-in-transaction timeout")),
                    "the server ended it for its timeout");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    /**
     * A cancel during a class initializer that ends (a library's first use) waits for it, and the
     * class stays usable in that session; the statement is still cancelled.
     */
    @Test
    void aCancelDuringAClassInitializerLeavesTheClassUsable(PgServer server) throws Exception {
        try (Victim victim = Victim.of(server).runs("select use_slow_init_then_loop()")) {
            victim.stopWith("cancel");
            assertEquals("57014", victim.outcome().getSQLState());
            assertEquals(42L, one(victim.session, "select slow_init_value()"));
        }
    }

    /**
     * A class whose initializer never ends is cancelled (once the grace for initializers is over);
     * the class then stays unusable in that session.
     */
    @Test
    void cancelStopsAnEndlessClassInitializer(PgServer server) throws Exception {
        try (Victim victim = Victim.of(server).runs("select use_endless_init()")) {
            victim.stopWith("cancel");
            assertEquals("57014", victim.outcome().getSQLState());
            SQLException again = Sql.fails(victim.session, "select use_endless_init()", "38000");
            contains(again.getMessage(), "NoClassDefFoundError");
            assertEquals(1, one(victim.session, "select 1"));
        }
    }

    /** After a cancel, the next statement's Java is not interrupted by what is left of the first. */
    @Test
    void nothingLeftPendingAfterACancel(PgServer server) throws Exception {
        try (Victim victim = Victim.of(server).runs("select sleep_forever()")) {
            victim.stopWith("cancel");
            assertEquals("57014", victim.outcome().getSQLState());
            Sql.run(victim.session, "set statement_timeout = '500ms'");
            SQLException e = Sql.fails(victim.session, "select sleep_forever()", "57014");
            contains(e.getMessage(), "statement timeout");
        }
    }
}
