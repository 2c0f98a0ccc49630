package org.pgj.spi;

import java.util.Optional;
import org.pgj.internal.datum.TypeMappings;

/**
 * One row of a {@link SpiResult}. Columns are numbered from 1, as in SQL, or named.
 *
 * <p>Primitive getters throw {@link org.pgj.errors.PgException} (22004) on NULL; reference
 * getters return {@code null}, and {@link #getOptional} an empty {@code Optional}. Integer
 * getters also read narrower integer columns, and wider ones when the value fits. A type with
 * no Java mapping reads as its text form ({@code get(n)} and {@code getString}).
 */
public final class SpiRow {
    private final SpiResult result;
    private final int row;

    SpiRow(SpiResult result, int row) {
        this.result = result;
        this.row = row;
    }

    /** This row's position in its result, from 0. */
    public int index() {
        return row;
    }

    public int columnCount() {
        return result.columnCount();
    }

    public boolean isNull(int ordinal) {
        return result.column(ordinal).nulls[row];
    }

    public boolean isNull(String column) {
        return result.column(column).nulls[row];
    }

    public boolean getBoolean(int ordinal) {
        return result.column(ordinal).getBoolean(row);
    }

    public boolean getBoolean(String column) {
        return result.column(column).getBoolean(row);
    }

    public short getShort(int ordinal) {
        return result.column(ordinal).getShort(row);
    }

    public short getShort(String column) {
        return result.column(column).getShort(row);
    }

    public int getInt(int ordinal) {
        return result.column(ordinal).getInt(row);
    }

    public int getInt(String column) {
        return result.column(column).getInt(row);
    }

    public long getLong(int ordinal) {
        return result.column(ordinal).getLong(row);
    }

    public long getLong(String column) {
        return result.column(column).getLong(row);
    }

    public float getFloat(int ordinal) {
        return result.column(ordinal).getFloat(row);
    }

    public float getFloat(String column) {
        return result.column(column).getFloat(row);
    }

    public double getDouble(int ordinal) {
        return result.column(ordinal).getDouble(row);
    }

    public double getDouble(String column) {
        return result.column(column).getDouble(row);
    }

    /** Text columns, and the text form of types with no Java mapping; null for NULL. */
    public String getString(int ordinal) {
        return (String) result.column(ordinal).get(row, String.class);
    }

    public String getString(String column) {
        return (String) result.column(column).get(row, String.class);
    }

    /** bytea; null for NULL. */
    public byte[] getBytes(int ordinal) {
        return (byte[]) result.column(ordinal).get(row, byte[].class);
    }

    public byte[] getBytes(String column) {
        return (byte[]) result.column(column).get(row, byte[].class);
    }

    /** The value as {@code type} (a box for a primitive type), or null for NULL. */
    public <T> T get(int ordinal, Class<T> type) {
        return cast(type, result.column(ordinal).get(row, type));
    }

    public <T> T get(String column, Class<T> type) {
        return cast(type, result.column(column).get(row, type));
    }

    /** The value as {@code type}, empty for NULL. */
    public <T> Optional<T> getOptional(int ordinal, Class<T> type) {
        return Optional.ofNullable(get(ordinal, box(type)));
    }

    public <T> Optional<T> getOptional(String column, Class<T> type) {
        return Optional.ofNullable(get(column, box(type)));
    }

    /** The value as the Java type its SQL type maps to (boxed), its text form if none does, or null. */
    public Object get(int ordinal) {
        return result.column(ordinal).natural(row);
    }

    public Object get(String column) {
        return result.column(column).natural(row);
    }

    /**
     * The row as a record: component i gets column i + 1, read as the component's type
     * ({@code Optional<T>} for a nullable one). {@link NoSuchColumnException} when the row has
     * fewer columns than the record has components; extra columns are ignored.
     */
    public <R extends Record> R as(Class<R> type) {
        return Records.read(this, type);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> type, Object value) {
        return type.isPrimitive() ? (T) value : type.cast(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> box(Class<T> type) {
        return (Class<T>) TypeMappings.boxed(type);
    }
}
