package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.spi.Spi;
import org.pgj.test.Sql;
import org.pgj.test.ExpectedPgError;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** COMMIT and ROLLBACK from Java procedures, and the server's refusal everywhere else. */
@PgjTest
class TransactionControlTest {

    @BeforeEach
    void emptyLog(Connection c) throws SQLException {
        Sql.exec(c, "truncate batch_log");
    }

    @Test
    void aProcedureCommitsAndRollsBackBetweenStatements(Connection c) throws SQLException {
        Sql.exec(c, "call insert_in_batches(10, 3)");
        assertEquals(9L, Sql.one(c, "select count(*) from batch_log"), "three batches committed, the partial one rolled back");
        assertEquals(9, Sql.one(c, "select max(i) from batch_log"));
        Sql.exec(c, "truncate batch_log");
        Sql.exec(c, "call insert_in_batches(4, 5)");
        assertEquals(0L, Sql.one(c, "select count(*) from batch_log"), "nothing committed, all rolled back");
    }

    @Test
    void aProcedureCalledByAProcedureMayCommitToo(Connection c) throws SQLException {
        Sql.exec(c, "call call_in_batches(5)");
        assertEquals(4L, Sql.one(c, "select count(*) from batch_log"), "two batches committed by the inner procedure");
    }

    @Test
    void committedBatchesSurviveALaterError(Connection c) throws SQLException {
        Sql.exec(c, "insert into batch_log values (5)");
        Sql.fails(c, "call insert_in_batches(10, 2)", "23505");
        assertEquals(5L, Sql.one(c, "select count(*) from batch_log"), "1..4 were committed in two batches; 5 existed");
    }

    @Test
    void commitAndChainKeepsTheTransactionCharacteristics(Connection c) throws SQLException {
        Sql.exec(c, "call log_isolation_after_chain('REPEATABLE READ')");
        assertEquals(-2, Sql.one(c, "select min(i) from batch_log where i < -1"), "the chained transaction kept the level");
        assertEquals(2L, Sql.one(c, "select count(*) from batch_log"));
    }

    @Test
    void largeValuesReadAfterACommit(Connection c) throws SQLException {
        Sql.exec(c, "call large_values_across_commits(3)");
        assertEquals(1920, Sql.one(c, "select i from batch_log"), "3 times 2 reads of 320000 characters, in thousands");
    }

    @Test
    void aFunctionCalledFromAQueryCannotCommit(Connection c) throws SQLException {
        PSQLException e = Sql.fails(c, "select commit_from_function()", "2D000");
        assertEquals("invalid transaction termination", e.getServerErrorMessage().getMessage());
    }

    @Test
    void aCallInsideATransactionBlockCannotCommit(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            Sql.fails(c, "call insert_in_batches(2, 1)", "2D000");
        } finally {
            c.setAutoCommit(true);
        }
        assertEquals(0L, Sql.one(c, "select count(*) from batch_log"));
    }

    @Test
    void aProcedureCannotCommitInsideASubtransaction(Connection c) throws SQLException {
        PSQLException e = Sql.fails(c, "call commit_in_subtransaction()", "2D000");
        assertEquals("cannot commit while a subtransaction is active", e.getServerErrorMessage().getMessage());
    }

    @Test
    void aCursorEndsWithTheTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("call fetch_after_commit()");
            SQLWarning w = s.getWarnings();
            assertTrue(w != null && w.getMessage().contains("was closed by the server: its transaction ended"), "" + w);
        }
    }

    @Test
    @InBackend
    @ExpectedPgError(sqlState = "2D000", messageContains = "invalid transaction termination")
    void aProcedureCalledThroughSpiFromAFunctionCannotCommit() {
        Spi.run("CALL insert_in_batches(2, 1)");
    }

    @Test
    @InBackend
    @ExpectedPgError(sqlState = "2D000", messageContains = "invalid transaction termination")
    void rollbackIsRefusedInAFunctionToo() {
        Spi.rollback();
    }

    @Test
    void proceduresTakeNullsWhereJavaCan(Connection c) throws SQLException {
        PSQLException e = Sql.fails(c, "call insert_in_batches(null, 1)", "22004");
        assertTrue(e.getMessage().contains("cannot be NULL"), e.getMessage());
    }
}
