package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * A prepared statement was given a different number of arguments than it was prepared with:
 * SQLSTATE 42601, as the server's {@code EXECUTE} reports it.
 */
public final class ArgumentCountException extends PgException {
    private final int expected;
    private final int actual;

    ArgumentCountException(String sql, int expected, int actual) {
        super(SqlState.SYNTAX_ERROR, "wrong number of arguments for prepared statement: expected " + expected
                + ", got " + actual, "Statement: " + sql, null);
        this.expected = expected;
        this.actual = actual;
    }

    /** The number of arguments the statement was prepared with. */
    public int expected() {
        return expected;
    }

    /** The number of arguments it was given. */
    public int actual() {
        return actual;
    }
}
