package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * Every route to JVM exit fails instead of ending the backend (which would restart every
 * session): the statement gets an ERROR, the session and the server carry on.
 */
@PgjTest
class ExitsTest {
    private static final String REFUSED = "System.exit, Runtime.exit or Runtime.halt was called inside PostgreSQL";

    @ParameterizedTest
    @ValueSource(strings = {"exit_directly", "halt_directly", "exit_by_reflection", "halt_by_reflection",
            "exit_by_method_handle", "exit_by_method_reference", "exit_in_a_dependency", "exit_with_a_shutdown_hook"})
    void refusedOnTheBackendThread(String function, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = Victim.ordinaryUser(server)) {
            SQLException e = Sql.fails(c, "select " + function + "(3)", "38000");
            contains(e.getMessage(), REFUSED);
            contains(e.getMessage(), "thread \"main\"");
            assertEquals(1, one(c, "select 1"), "the session carries on");
            assertEquals(45L, one(c, "select sum_ints(10)"), "and so does its JVM");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anotherThreadGetsTheError(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        String outcome = (String) one(c, "select exit_on_another_thread(4)");
        contains(outcome, "SystemExitError");
        contains(outcome, REFUSED);
        contains(outcome, "thread \"exiting thread\"");
        assertEquals(1, one(c, "select 1"));
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** Guarding the exits re-registers JDK natives on purpose: a JVM start logs nothing about it. */
    @Test
    void aJvmStartLeavesTheServerLogClean(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection fresh = server.connect()) {
            assertEquals(45L, one(fresh, "select sum_ints(10)"), "a new session starts its JVM");
        }
        List<String> noise = ServerLog.linesSince(server, mark).stream().filter(l -> l.contains("[warning]")).toList();
        assertTrue(noise.isEmpty(), "the JVM's start logged " + noise);
    }
}
