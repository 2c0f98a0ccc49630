package org.pgj.examples.spi;

import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;

/**
 * SQL from functions of each volatility. A STABLE or IMMUTABLE function's statements run
 * read-only, as PL/pgSQL's do: a write there is "... is not allowed in a non-volatile function",
 * and a query sees the snapshot of the query that called the function.
 */
public final class ReadOnly {
    private ReadOnly() {
    }

    @PgFunction(volatility = Volatility.STABLE)
    public static long stableRun(String sql) {
        return Spi.run(sql);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long immutableRun(String sql) {
        return Spi.run(sql);
    }

    @PgFunction
    public static long volatileRun(String sql) {
        return Spi.run(sql);
    }

    /** The first column of the first row of a query, as a bigint. */
    @PgFunction(volatility = Volatility.STABLE)
    public static long stableLong(String query) {
        return Spi.getOne(query, Long.class).orElseThrow();
    }

    @PgFunction
    public static long volatileLong(String query) {
        return Spi.getOne(query, Long.class).orElseThrow();
    }

    /** The rows of a query read through a cursor. */
    @PgFunction(volatility = Volatility.STABLE)
    public static long stableCursorRows(String query) {
        try (SpiConnection spi = Spi.connect(); SpiCursor cursor = spi.openCursor(query)) {
            long rows = 0;
            for (int n; (n = cursor.fetch(100).size()) > 0;) {
                rows += n;
            }
            return rows;
        }
    }
}
