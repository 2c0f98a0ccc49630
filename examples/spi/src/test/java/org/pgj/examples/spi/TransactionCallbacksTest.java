package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/** org.pgj.hooks.Transactions: callbacks that follow the fate of the (sub)transaction they were registered in. */
@PgjTest
class TransactionCallbacksTest {
    private static List<Object> notes(Connection c) throws SQLException {
        return Arrays.asList((Object[]) ((Array) one(c, "SELECT take_notes()")).getArray());
    }

    @Test
    void aCommittedStatementRunsItsCommitCallbacks(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "SELECT note_on_commit('a'), note_on_rollback('b')");
            assertEquals(List.of("commit a"), notes(c));
            assertEquals(List.of(), notes(c), "each runs once");
        }
    }

    @Test
    void aRolledBackTransactionRunsItsRollbackCallbacks(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN");
            exec(c, "SELECT note_on_commit('c'), note_on_rollback('d')");
            exec(c, "ROLLBACK");
            assertEquals(List.of("rollback d"), notes(c));
        }
    }

    @Test
    void savepointsDecideForWhatWasRegisteredInThem(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN");
            exec(c, "SAVEPOINT s");
            exec(c, "SELECT note_on_commit('e'), note_on_rollback('f')");
            exec(c, "ROLLBACK TO s");
            exec(c, "SELECT note_on_commit('g')");
            exec(c, "COMMIT");
            assertEquals(List.of("rollback f", "commit g"), notes(c));

            exec(c, "BEGIN");
            exec(c, "SAVEPOINT s");
            exec(c, "SELECT note_on_commit('h'), note_on_rollback('i')");
            exec(c, "RELEASE s");
            exec(c, "ROLLBACK");
            assertEquals(List.of("rollback i"), notes(c), "a released savepoint follows its transaction");

            exec(c, "DO $$ BEGIN BEGIN PERFORM note_on_rollback('j'); PERFORM 1 / 0;"
                    + " EXCEPTION WHEN division_by_zero THEN NULL; END; PERFORM note_on_commit('k'); END $$");
            assertEquals(List.of("rollback j", "commit k"), notes(c), "a PL/pgSQL exception block is a subtransaction");
        }
    }

    @Test
    void aBeforeCommitCallbackCanStopTheCommit(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "BEGIN");
            exec(c, "CREATE TEMP TABLE vetoed(x int)");
            exec(c, "SELECT veto_commit('not today'), note_on_rollback('l')");
            assertTrue(fails(c, "COMMIT", "23514").getMessage().contains("commit vetoed: not today"));
            assertNull(one(c, "SELECT to_regclass('pg_temp.vetoed')"), "the transaction was rolled back");
            assertEquals(List.of("rollback l"), notes(c));
        }
    }

    @Test
    void aCallbackThatFailsAfterTheCommitIsOnlyAWarning(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "SELECT fail_after_commit(), note_on_commit('m')");
            assertEquals(List.of("commit m"), notes(c), "the commit stands, and later callbacks still run");
            assertTrue(server.lastLogLines(50).stream().anyMatch(l -> l.contains("a transaction callback failed")
                    && l.contains("too late to fail")));
        }
    }
}
