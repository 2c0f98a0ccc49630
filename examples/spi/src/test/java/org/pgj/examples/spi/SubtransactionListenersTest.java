package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;

/** org.pgj.hooks.Transactions.onSubtransactions: the server's subtransaction callbacks, in Java. */
@PgjTest
class SubtransactionListenersTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    private static List<Object> notes(Connection c) throws SQLException {
        return Arrays.asList((Object[]) ((Array) one(c, "SELECT take_notes()")).getArray());
    }

    @Test
    void aListenerSeesEachSavepointStartReleaseAndRollback(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN", "SELECT note_subtransactions()", "SAVEPOINT a", "SAVEPOINT b", "RELEASE b", "ROLLBACK TO a",
                    "RELEASE a", "COMMIT");
            assertEquals(List.of("START 2 in 1", "START 3 in 2", "BEFORE_COMMIT 3 in 2", "COMMIT 3 in 2", "ROLLBACK 2 in 1",
                    "START 4 in 1", "BEFORE_COMMIT 4 in 1", "COMMIT 4 in 1"), notes(c));
        }
    }

    @Test
    void aListenerLastsUntilTheTransactionEnds(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN", "SAVEPOINT a", "SELECT note_subtransactions()", "ROLLBACK TO a", "SAVEPOINT b", "ROLLBACK");
            assertEquals(List.of("ROLLBACK 2 in 1", "START 3 in 1", "START 4 in 3", "ROLLBACK 4 in 3", "ROLLBACK 3 in 1"), notes(c),
                    "registered inside a savepoint that rolled back, it still hears the rest of the transaction");
            exec(c, "BEGIN", "SAVEPOINT c", "COMMIT");
            assertEquals(List.of(), notes(c), "forgotten at the end of the transaction");
            exec(c, "DO $$ BEGIN PERFORM note_subtransactions(); BEGIN PERFORM 1 / 0;"
                    + " EXCEPTION WHEN division_by_zero THEN NULL; END; END $$");
            assertEquals(List.of("START 2 in 1", "ROLLBACK 2 in 1"), notes(c), "a PL/pgSQL exception block");
        }
    }

    @Test
    void aListenerCanRefuseARelease(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "BEGIN", "SELECT refuse_releases('keep it open')", "CREATE TEMP TABLE refused(x int)", "SAVEPOINT a",
                    "INSERT INTO refused VALUES (1)");
            PSQLException refused = assertThrows(PSQLException.class, () -> exec(c, "RELEASE a"));
            assertEquals("25000", refused.getSQLState());
            assertTrue(refused.getMessage().contains("release refused: keep it open"), refused.getMessage());
            assertEquals("25P02", assertThrows(PSQLException.class, () -> exec(c, "SELECT 1")).getSQLState());
            exec(c, "ROLLBACK");
            assertEquals(1, one(c, "SELECT 1"), "the session carries on");
            assertEquals(null, one(c, "SELECT to_regclass('pg_temp.refused')"));
        }
    }

    @Test
    void aListenerCannotOpenASubtransaction(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN", "SELECT nest_subtransactions(), note_subtransactions()", "SAVEPOINT a", "COMMIT");
            assertEquals(List.of("refused in 2", "START 2 in 1", "BEFORE_COMMIT 2 in 1", "COMMIT 2 in 1"), notes(c));
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void aListenerThatFailsOnStartIsOnlyAWarning(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN", "SELECT fail_on_subtransaction_start(), note_subtransactions()", "SAVEPOINT a", "RELEASE a",
                    "COMMIT");
            assertEquals(List.of("START 2 in 1", "BEFORE_COMMIT 2 in 1", "COMMIT 2 in 1"), notes(c));
            assertTrue(server.lastLogLines(50).stream().anyMatch(l -> l.contains("a subtransaction listener failed on START")
                    && l.contains("cannot watch this one")));
        }
    }

    @Test
    void aCancelInALoopOfSubtransactionsLeavesTheSessionSound(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect(); Connection observer = server.connect()) {
            one(c, "SELECT take_subtransaction_count()");
            // Cancelled once the loop runs (it names itself), not while the listener is being set up.
            String loop = "DO $$ BEGIN PERFORM count_subtransactions();"
                    + " PERFORM set_config('application_name', 'subtransaction loop', false);"
                    + " LOOP BEGIN PERFORM 1 / 0; EXCEPTION WHEN division_by_zero THEN NULL; END; END LOOP; END $$";
            try (RunningStatement running = RunningStatement.start(c, observer, loop)
                    .awaitApplicationName("subtransaction loop", WIDE)) {
                running.stop(RunningStatement.Stop.CANCEL, WIDE);
                assertEquals("57014", running.outcome(WIDE).getSQLState());
            }
            assertEquals(1, one(c, "SELECT 1"));
            assertTrue((Long) one(c, "SELECT take_subtransaction_count()") > 0);
            exec(c, "BEGIN", "SAVEPOINT a", "COMMIT");
            assertEquals(0L, one(c, "SELECT take_subtransaction_count()"), "the listener went with the cancelled transaction");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1DatabaseGetsTheSameEvents(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_spi_latin1", "LATIN1", "spi");
             Connection c = latin1.connectAsOrdinaryUser()) {
            assertEquals(OtherDatabase.ORDINARY_USER, one(c, "SELECT current_user"));
            notes(c);
            exec(c, "BEGIN", "SELECT note_subtransactions()", "SAVEPOINT \"é\"", "ROLLBACK TO \"é\"", "COMMIT");
            assertEquals(List.of("START 2 in 1", "ROLLBACK 2 in 1", "START 3 in 1", "BEFORE_COMMIT 3 in 1", "COMMIT 3 in 1"),
                    notes(c));
        }
    }
}
