package org.pgj.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.pgj.internal.datum.Conversions;

/**
 * What a statement returned: its row count and, for queries and {@code ... RETURNING}, its
 * rows (the tuple table). Iterate it for {@link SpiRow}s; read values by 1-based column ordinal
 * or by column name.
 *
 * <pre>{@code
 * for (SpiRow row : spi.select("SELECT name, age FROM people")) {
 *     String name = row.getString("name");
 *     int age = row.getInt(2);
 * }
 * }</pre>
 *
 * <p>The rows are copied out of server memory when the statement runs, so the values read
 * stay valid for good. The result itself ends with its connection scope: using it after
 * {@link SpiConnection#close()} throws {@link IllegalStateException}.
 */
public final class SpiResult implements Iterable<SpiRow> {
    private final SpiConnection connection;
    private final String status;
    private final long processed;
    private final Column[] columns;
    private final int rows;

    SpiResult(SpiConnection connection, String status, long processed, Column[] columns, int rows) {
        this.connection = connection;
        this.status = status;
        this.processed = processed;
        this.columns = columns;
        this.rows = rows;
    }

    /** What SPI reported the statement as: {@code SELECT}, {@code INSERT_RETURNING}, {@code UTILITY}, ... */
    public String status() {
        connection.checkReadable();
        return status;
    }

    /** Rows the statement returned, or inserted, updated or deleted (SPI_processed). */
    public long processed() {
        connection.checkReadable();
        return processed;
    }

    /** Whether the statement returned rows at all; a utility statement or a plain INSERT does not. */
    public boolean hasTupleTable() {
        connection.checkReadable();
        return columns != null;
    }

    /** The number of rows. */
    public int size() {
        table();
        return rows;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The first row; {@link NoRowsException} if there is none. */
    public SpiRow first() {
        if (size() == 0) {
            throw noRows();
        }
        return new SpiRow(this, 0);
    }

    /** The row at {@code index}, counted from 0 like a list. */
    public SpiRow row(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("row " + index + " of a result of " + rows + " rows");
        }
        return new SpiRow(this, index);
    }

    @Override
    public Iterator<SpiRow> iterator() {
        int size = size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public SpiRow next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return new SpiRow(SpiResult.this, next++);
            }
        };
    }

    public Stream<SpiRow> stream() {
        return IntStream.range(0, size()).mapToObj(i -> new SpiRow(this, i));
    }

    /** Every row as a record, its components filled from the columns in order (see {@link SpiRow#as}). */
    public <R extends Record> List<R> as(Class<R> type) {
        List<R> list = new ArrayList<>(size());
        for (SpiRow row : this) {
            list.add(row.as(type));
        }
        return Collections.unmodifiableList(list);
    }

    public int columnCount() {
        return table().length;
    }

    /** The name of a column, by 1-based ordinal. */
    public String columnName(int ordinal) {
        return column(ordinal).name;
    }

    public List<String> columnNames() {
        return Stream.of(table()).map(c -> c.name).toList();
    }

    /** The type OID of a column, by 1-based ordinal (e.g. 23 for {@code integer}). */
    public int columnType(int ordinal) {
        return column(ordinal).type;
    }

    /** The SQL name of a column's type, e.g. {@code integer}. */
    public String columnTypeName(int ordinal) {
        return Conversions.typeName(column(ordinal).type);
    }

    /** The 1-based ordinal of the first column named {@code name}. */
    public int columnOrdinal(String name) {
        return column(name).ordinal;
    }

    Column[] table() {
        connection.checkReadable();
        if (columns == null) {
            throw noTupleTable(status);
        }
        return columns;
    }

    Column column(int ordinal) {
        Column[] table = table();
        if (ordinal < 1 || ordinal > table.length) {
            throw noColumn(ordinal, table.length);
        }
        return table[ordinal - 1];
    }

    static NoTupleTableException noTupleTable(String status) {
        return new NoTupleTableException(status + " does not return tuples");
    }

    static NoRowsException noRows() {
        return new NoRowsException("the statement returned no rows");
    }

    static NoSuchColumnException noColumn(int ordinal, int columns) {
        return new NoSuchColumnException("column " + ordinal + " does not exist: the result has " + columns
                + " column" + (columns == 1 ? "" : "s") + ", numbered from 1");
    }

    Column column(String name) {
        for (Column c : table()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        throw new NoSuchColumnException("column \"" + name + "\" does not exist: the result has " + columnNames());
    }

    @Override
    public String toString() {
        return connection.isOpen() ? "SpiResult[" + status + ", " + processed + " rows]" : "SpiResult[closed]";
    }
}
