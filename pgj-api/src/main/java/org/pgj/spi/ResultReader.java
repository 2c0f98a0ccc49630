package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.Native.ALL;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;

/**
 * Copies the outcome of a statement (SPI_processed, SPI_tuptable) into a {@link SpiResult}
 * and frees the tuple table at once: nothing Java keeps points into it, and a loop of many
 * statements in one scope does not pile tables up.
 */
final class ResultReader {
    private ResultReader() {
    }

    /**
     * @param status what SPI reported the statement as, without the {@code SPI_OK_} prefix
     * @param deformed the rows' values as pgj_spi_deform lays them out, when spi.c made them already; else 0
     */
    static SpiResult read(SpiConnection connection, String status, Scratch scratch, long deformed) {
        long processed = Native.readLong(SpiNative.SPI_PROCESSED);
        long table = Native.readLong(SpiNative.SPI_TUPTABLE);
        if (table == 0) {
            return new SpiResult(connection, status, processed, null, 0);
        }
        try {
            return new SpiResult(connection, status, processed, copy(table, scratch, deformed), rows(table));
        } finally {
            freeTable(table);
        }
    }

    private static int rows(long table) {
        long rows = Native.readLong(table + SpiNative.TUPTABLE_NUMVALS);
        if (rows > Integer.MAX_VALUE - 8) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "a result of " + rows
                    + " rows is too large to read at once", null, "Read it through a cursor, a batch at a time.");
        }
        return (int) rows;
    }

    private static Column[] copy(long table, Scratch scratch, long deformed) {
        long tupdesc = Native.readLong(table + SpiNative.TUPTABLE_TUPDESC);
        int natts = SpiNative.readInt(tupdesc + SpiNative.TUPDESC_NATTS);
        int rows = rows(table);
        Column[] columns = new Column[natts];
        for (int c = 0; c < natts; c++) {
            long attribute = tupdesc + SpiNative.TUPDESC_ATTRS + c * SpiNative.ATTRIBUTE_SIZE;
            columns[c] = new Column(c + 1, ServerText.name(scratch, attribute + SpiNative.ATTRIBUTE_NAME),
                    SpiNative.readInt(attribute + SpiNative.ATTRIBUTE_TYPE),
                    SpiNative.readBool(attribute + SpiNative.ATTRIBUTE_BYVAL), rows);
        }
        if (rows == 0 || natts == 0) {
            return columns;
        }
        // Every row's values in one block: rows * natts Datums, then as many null flags.
        long values = deformed != 0 ? deformed : Guard.call(SpiNative.DEFORM, table);
        long nulls = values + 8L * rows * natts;
        long previous = scratch.enter(); // detoasting and text conversion allocate there
        try {
            for (Column column : columns) {
                int c = column.ordinal - 1;
                for (int r = 0; r < rows; r++) {
                    long cell = (long) r * natts + c;
                    if (ALL.get(JAVA_BYTE, nulls + cell) != 0) {
                        column.nulls[r] = true;
                    } else if (column.byValue) {
                        column.raw[r] = ALL.get(JAVA_LONG, values + 8 * cell);
                    } else {
                        column.objects[r] = Values.fromReference(ALL.get(JAVA_LONG, values + 8 * cell), column.type);
                    }
                }
            }
        } finally {
            Scratch.leave(previous);
        }
        return columns;
    }

    /** Frees a tuple table; after a server error it is left to the rollback that must follow. */
    static void freeTable(long table) {
        try {
            Guard.call(SpiNative.FREE_TUPTABLE, table);
        } catch (PgException refused) {
            // The pending error is what matters; the abort frees the table.
        }
    }
}
