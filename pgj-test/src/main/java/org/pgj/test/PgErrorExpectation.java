package org.pgj.test;

import java.sql.SQLException;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Decides an {@link ExpectedPgError} test's outcome from what the test threw. */
final class PgErrorExpectation {
    private PgErrorExpectation() {
    }

    /**
     * Returns normally if {@code thrown} is (or was caused by) the expected SQL error; rethrows
     * an aborted test's exception; otherwise fails, naming what happened instead.
     */
    static void verify(ExpectedPgError expected, Throwable thrown) throws Throwable {
        String wanted = "SQLSTATE " + expected.sqlState()
                + (expected.messageContains().isEmpty() ? "" : " with a message containing \"" + expected.messageContains() + "\"");
        if (thrown == null) {
            throw new AssertionFailedError("expected a PostgreSQL error with " + wanted + ", but the test completed without one");
        }
        if (thrown instanceof TestAbortedException) {
            throw thrown;
        }
        SQLException sql = sqlException(thrown);
        if (sql == null) {
            throw new AssertionFailedError("expected a PostgreSQL error with " + wanted + ", but the test failed with "
                    + thrown, thrown);
        }
        String message = primaryMessage(sql);
        boolean stateMatches = expected.sqlState().equals(sql.getSQLState());
        boolean messageMatches = expected.messageContains().isEmpty()
                || message != null && message.contains(expected.messageContains());
        if (stateMatches && messageMatches) {
            return;
        }
        throw new AssertionFailedError("expected a PostgreSQL error with " + wanted + ", but got SQLSTATE "
                + sql.getSQLState() + ": " + message, thrown);
    }

    private static SQLException sqlException(Throwable thrown) {
        Throwable t = thrown;
        // Bounded: a cause chain can loop.
        for (int depth = 0; t != null && depth < 100; depth++, t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** The server's message without pgjdbc's "ERROR:" prefix and Detail/Hint/Where lines. */
    static String primaryMessage(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage server = p.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        return e.getMessage();
    }
}
