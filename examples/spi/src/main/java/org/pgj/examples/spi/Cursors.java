package org.pgj.examples.spi;

import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;
import org.pgj.spi.SpiResult;
import org.pgj.spi.SpiRow;

/** Cursors: rows a batch at a time, and cursors that outlive their scope. */
public final class Cursors {
    private Cursors() {
    }

    /** Sums the first column of a query, fetching batchSize rows at a time. */
    @PgFunction
    public static long cursorSum(String query, int batchSize) {
        long sum = 0;
        try (SpiConnection spi = Spi.connect();
             SpiCursor cursor = spi.openCursor(query)) {
            for (SpiResult batch = cursor.fetch(batchSize); !batch.isEmpty(); batch = cursor.fetch(batchSize)) {
                for (SpiRow row : batch) {
                    sum += row.getLong(1);
                }
            }
        }
        return sum;
    }

    /** Opens a cursor that stays open after this call; returns its name. */
    @PgFunction
    public static String openForLater(String query) {
        try (SpiConnection spi = Spi.connect()) {
            return spi.openCursor(query).detach();
        }
    }

    /** Finds a cursor by name in a later call, and fetches from it. */
    @PgFunction
    public static String fetchLater(String name, int count) {
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor cursor = spi.findCursor(name);
            StringBuilder values = new StringBuilder();
            for (SpiRow row : cursor.fetch(count)) {
                values.append(values.isEmpty() ? "" : ",").append(row.getString(1));
            }
            cursor.detach(); // keep it open for the next call
            return values.toString();
        }
    }
}
