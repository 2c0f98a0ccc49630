package org.pgj.fdw;

import java.util.Map;

/**
 * Writes of one statement to a foreign table ({@link ForeignDataWrapper#writer}). Values come as
 * text in their column's type (null for NULL), by column name: all columns for an insert, the
 * columns the UPDATE sets for an update. A row is named by its key, the text of the column
 * {@link ForeignDataWrapper#rowKey} names. Each method returns the row as stored, by column name
 * (values as for {@link Row#set}; read only for {@code RETURNING}, so an empty map will do
 * without), or null when no row was written (the statement does not count it); {@link #close}
 * ends the statement's writes.
 */
public interface TableWriter extends AutoCloseable {
    Map<String, Object> insert(Map<String, String> values) throws Exception;

    Map<String, Object> update(String key, Map<String, String> values) throws Exception;

    Map<String, Object> delete(String key) throws Exception;

    /** The statement ended: its writes stand. */
    @Override
    default void close() throws Exception {
    }

    /** The statement failed or was cancelled: its writes should be undone where the wrapper can. By default {@link #close}. */
    default void abort() throws Exception {
        close();
    }
}
