package org.pgj.fdw;

import java.util.Map;

/**
 * A foreign data wrapper written in Java (see {@link PgForeignDataWrapper}). Planning asks
 * {@link #plan} what a scan will cost and what it takes over; execution asks {@link #open} for
 * the rows, which are read one at a time, so a table is never held in memory whole. Errors
 * thrown here become the statement's ERROR ({@link org.pgj.errors.PgException} keeps its
 * SQLSTATE); a cancel or {@code statement_timeout} stops the wrapper's code wherever it is.
 */
public interface ForeignDataWrapper {
    /**
     * Checks the options given to the wrapper, a server, a user mapping, a foreign table or a
     * column; throws to refuse them, typically a {@link org.pgj.errors.PgException} with
     * {@link org.pgj.errors.SqlState#FDW_INVALID_OPTION_NAME} or
     * {@link org.pgj.errors.SqlState#INVALID_PARAMETER_VALUE}. Accepts everything by default.
     */
    default void validate(OptionTarget target, Map<String, String> options) {
    }

    /** The plan of a scan: estimates, and which quals, order and LIMIT the wrapper applies itself. */
    ScanPlan plan(ScanRequest request);

    /** The rows of a planned scan. */
    RowSource open(Scan scan) throws Exception;
}
