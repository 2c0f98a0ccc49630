package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.spi.SpiNative;

/**
 * Copies what a statement returned into a {@link SpiResult}: the rows that spi.c put in the
 * operation's scratch memory (PgjSpiRows in pgj.h), read before that memory is reset. By-value
 * Datums are kept as they are; by-reference ones become Java values.
 */
final class ResultReader {
    private ResultReader() {
    }

    /**
     * @param status what SPI reported the statement as, without the {@code SPI_OK_} prefix
     * @param rows the PgjSpiRows block, or 0 when the statement returned no rows at all
     */
    static SpiResult read(SpiConnection connection, String status, Scratch scratch, long rows) {
        long processed = Native.readLong(SpiNative.SPI_PROCESSED);
        if (rows == 0) {
            return new SpiResult(connection, status, processed, null, 0);
        }
        int count = count(rows);
        scratch.holds(Native.readLong(rows + SpiNative.ROWS_BYTES) + 9L * count * SpiNative.readInt(rows + SpiNative.ROWS_NATTS));
        return new SpiResult(connection, status, processed, copy(rows, count, scratch), count);
    }

    private static int count(long rows) {
        long count = Native.readLong(rows + SpiNative.ROWS_ROWS);
        if (count > Integer.MAX_VALUE - 8) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "a result of " + count
                    + " rows is too large to read at once", null, "Read it through a cursor, a batch at a time.");
        }
        return (int) count;
    }

    /**
     * The first column of the first row as {@code type} (a box for a primitive), or null for
     * NULL: what {@code result.first().get(1, type)} gives, without reading the rest.
     */
    static Object firstValue(String status, Scratch scratch, long block, Class<?> type) {
        if (block == 0) {
            throw SpiResult.noTupleTable(status);
        }
        if (Native.readLong(block + SpiNative.ROWS_ROWS) == 0) {
            throw SpiResult.noRows();
        }
        int natts = SpiNative.readInt(block + SpiNative.ROWS_NATTS);
        if (natts == 0) {
            throw SpiResult.noColumn(1, 0);
        }
        Column column = column(block, 0, 1, scratch);
        fill(column, block, 1, natts, scratch);
        return column.get(0, type);
    }

    private static Column column(long block, int c, int rows, Scratch scratch) {
        long column = block + SpiNative.ROWS_COLUMNS + c * SpiNative.COLUMN_SIZE;
        return new Column(c + 1, ServerText.name(column + SpiNative.COLUMN_NAME),
                SpiNative.readInt(column + SpiNative.COLUMN_TYPE), SpiNative.readBool(column + SpiNative.COLUMN_BYVAL), rows);
    }

    private static Column[] copy(long block, int rows, Scratch scratch) {
        int natts = SpiNative.readInt(block + SpiNative.ROWS_NATTS);
        Column[] columns = new Column[natts];
        for (int c = 0; c < natts; c++) {
            columns[c] = column(block, c, rows, scratch);
            if (rows > 0) {
                fill(columns[c], block, rows, natts, scratch);
            }
        }
        return columns;
    }

    /** Reads a column's values from the first {@code rows} rows of the block. */
    private static void fill(Column column, long block, int rows, int natts, Scratch scratch) {
        long values = Native.readLong(block + SpiNative.ROWS_VALUES);
        long nulls = Native.readLong(block + SpiNative.ROWS_NULLS);
        int c = column.ordinal - 1;
        long previous = column.byValue ? 0 : scratch.enter(); // detoasting and text conversion allocate there
        try {
            for (int r = 0; r < rows; r++) {
                long cell = (long) r * natts + c;
                if (ALL.get(JAVA_BYTE, nulls + cell) != 0) {
                    column.nulls[r] = true;
                } else if (column.byValue) {
                    column.raw[r] = ALL.get(JAVA_LONG, values + 8 * cell);
                } else {
                    column.objects[r] = column.copy(ALL.get(JAVA_LONG, values + 8 * cell));
                }
            }
        } finally {
            if (!column.byValue) {
                Scratch.leave(previous);
            }
        }
    }
}
