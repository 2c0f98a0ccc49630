package org.pgj.triggers;

import java.util.List;
import java.util.Optional;
import org.pgj.errors.PgException;

/**
 * A row of the table a trigger fired on. Columns are named, or numbered from 1 in table order
 * (dropped columns do not count), and read and written with the type mappings of function
 * arguments and results: an {@code integer} column as an {@code Integer}, a {@code timestamptz}
 * as an {@code OffsetDateTime} or an {@code Instant}, any type as a {@code String} in its text
 * form when no Java type maps to it.
 *
 * <p>A column that does not exist is a {@link PgException} 42703; a value of a Java type that
 * cannot hold the column's type (or be stored in it) is 42804; reading a NULL with a primitive
 * getter is 22004.
 */
public interface TriggerRow {
    /** The number of columns. */
    int columnCount();

    /** The column names, in table order. */
    List<String> columnNames();

    boolean isNull(String column);

    boolean isNull(int ordinal);

    /** The value as {@code type} (a box for a primitive type), or null for NULL. */
    <T> T get(String column, Class<T> type);

    <T> T get(int ordinal, Class<T> type);

    /** The value as the Java type its SQL type maps to (boxed), its text form if none does, or null. */
    Object get(String column);

    Object get(int ordinal);

    /** The value as {@code type}, empty for NULL. */
    default <T> Optional<T> getOptional(String column, Class<T> type) {
        return Optional.ofNullable(get(column, type));
    }

    default String getString(String column) {
        return get(column, String.class);
    }

    default int getInt(String column) {
        return get(column, int.class);
    }

    default long getLong(String column) {
        return get(column, long.class);
    }

    default boolean getBoolean(String column) {
        return get(column, boolean.class);
    }

    default double getDouble(String column) {
        return get(column, double.class);
    }

    /**
     * The row as a record, as a record maps to the table's row type: component i is the i-th
     * column, each read as its component's type.
     */
    <R extends Record> R as(Class<R> type);

    /** Sets a column (null for NULL); returns this row, to return from the trigger. */
    TriggerRow set(String column, Object value);

    TriggerRow set(int ordinal, Object value);
}
