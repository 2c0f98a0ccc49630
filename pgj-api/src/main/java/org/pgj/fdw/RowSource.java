package org.pgj.fdw;

/**
 * The rows of one scan, read one at a time. {@link #close} ends it, also after an error or a
 * cancel; a rescan closes it and opens the scan again.
 */
public interface RowSource extends AutoCloseable {
    /** Fills {@code row} and returns true, or returns false at the end. */
    boolean next(Row row) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
