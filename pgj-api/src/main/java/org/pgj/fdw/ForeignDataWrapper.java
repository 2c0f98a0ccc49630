package org.pgj.fdw;

import java.util.List;
import java.util.Map;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

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

    /**
     * {@code IMPORT FOREIGN SCHEMA}: one {@code CREATE FOREIGN TABLE} statement per remote table
     * (the server puts each in the local schema and skips those the statement's list leaves out).
     * By default refused.
     */
    default List<String> importSchema(SchemaImport request) throws Exception {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "server " + request.server() + "'s wrapper does not"
                + " import foreign schemas");
    }

    /**
     * The column that names a row for UPDATE and DELETE (a primary key). By default the wrapper
     * has none, and UPDATE and DELETE are refused.
     */
    default String rowKey(ForeignTable table) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "foreign table " + table.name() + " cannot be updated:"
                + " its wrapper names no row key");
    }

    /**
     * Writes of one INSERT, UPDATE or DELETE statement ({@code operation}: {@code "INSERT"},
     * {@code "UPDATE"}, {@code "DELETE"}); {@code returning}: whether the statement returns rows.
     * By default the wrapper is read-only.
     */
    default TableWriter writer(ForeignTable table, String operation, boolean returning) throws Exception {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "foreign table " + table.name() + " is read-only: its wrapper"
                + " does not " + operation);
    }
}
