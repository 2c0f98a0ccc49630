package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * A cancel that arrives while a new session's Java runs the JDK's class initializers for the
 * first time waits for them: an error thrown inside one would leave that JDK class unusable for
 * the session's life (NoClassDefFoundError at every later use). Each round is a new session whose
 * JVM is started first; a statement_timeout then cancels the first use of the JDK at a different
 * moment, and the same call, made again without a timeout, must give the same answer.
 */
@PgjTest
class FirstUseTest {
    private static final int ROUNDS = 60;

    @Test
    void cancelsDuringTheJdksClassInitializersLeaveThemIntact(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        String expected;
        long firstUseMillis;
        try (Connection fresh = server.connect()) {
            one(fresh, "select sum_ints(10)");
            long start = System.nanoTime();
            expected = (String) one(fresh, "select first_use_of_the_jdk()");
            firstUseMillis = Math.max(ROUNDS, (System.nanoTime() - start) / 1_000_000);
        }
        int cancelled = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Spread the cancels over the whole first use, from its first millisecond to its end.
            long timeout = 1 + firstUseMillis * round / ROUNDS;
            try (Connection c = server.connect()) {
                assertEquals(45L, one(c, "select sum_ints(10)"), "the JVM is up before the timeout is set");
                Sql.run(c, "set statement_timeout = " + timeout);
                try {
                    assertEquals(expected, one(c, "select first_use_of_the_jdk()"));
                } catch (SQLException e) {
                    assertEquals("57014", e.getSQLState(), "round " + round + " (" + timeout + " ms): " + e.getMessage());
                    cancelled++;
                }
                resetTimeout(c);
                assertEquals(expected, one(c, "select first_use_of_the_jdk()"),
                        "round " + round + ": the JDK classes are intact after a cancel at " + timeout + " ms");
                assertEquals(1, one(c, "select 1"));
            }
        }
        System.out.printf("first use of the JDK took %d ms; %d of %d rounds were cancelled%n", firstUseMillis, cancelled, ROUNDS);
        assertTrue(cancelled > 0, "no round was cancelled: the test did not test");
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** A timeout of a few milliseconds can run out in the statement that resets it, too. */
    private static void resetTimeout(Connection c) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                Sql.run(c, "reset statement_timeout");
                return;
            } catch (SQLException e) {
                if (!"57014".equals(e.getSQLState()) || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
