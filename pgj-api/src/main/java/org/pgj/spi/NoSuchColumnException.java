package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/** A column asked for by ordinal or name is not in the result: SQLSTATE 42703 (undefined_column). */
public final class NoSuchColumnException extends PgException {
    NoSuchColumnException(String message) {
        super(SqlState.UNDEFINED_COLUMN, message);
    }
}
