package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * A row was asked for, and the statement returned none: SQLSTATE P0002 (no_data_found), as
 * PL/pgSQL's {@code SELECT ... INTO STRICT} raises. A NULL value is not this: it reads as
 * {@code null} or an empty {@code Optional}.
 */
public final class NoRowsException extends PgException {
    NoRowsException(String message) {
        super(SqlState.NO_DATA_FOUND, message);
    }
}
