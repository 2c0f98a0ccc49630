package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * Rows were asked of a statement that returns none, such as a utility statement or an
 * {@code INSERT} without {@code RETURNING}: SQLSTATE 42601, as the server reports "query does
 * not return tuples". Its row count is still in {@link SpiResult#processed()}.
 */
public final class NoTupleTableException extends PgException {
    NoTupleTableException(String message) {
        super(SqlState.SYNTAX_ERROR, message, null,
                "Only queries and INSERT, UPDATE or DELETE ... RETURNING return rows; read processed() for the row count.");
    }
}
