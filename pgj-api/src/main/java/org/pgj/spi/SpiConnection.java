package org.pgj.spi;

import java.lang.foreign.Arena;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Backend;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;

/**
 * An open SPI connection (between SPI_connect and SPI_finish). Close it with
 * try-with-resources; using it after close throws {@link IllegalStateException}.
 */
public final class SpiConnection implements AutoCloseable {
    private boolean open = true;

    private SpiConnection() {
    }

    static SpiConnection open() {
        Backend.checkThread();
        check((int) Guard.call(SpiSymbols.connect()), "SPI_connect");
        return new SpiConnection();
    }

    /** Runs a statement read-write and discards its rows; returns the number of rows processed. */
    public long run(String sql) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) Guard.call(SpiSymbols.execute(), Native.cString(arena, sql), 0, 0);
            check(rc, sql);
        }
        return Native.readLong(SpiSymbols.processed());
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            check((int) Guard.call(SpiSymbols.finish()), "SPI_finish");
        }
    }

    private void ensureOpen() {
        Backend.checkThread();
        if (!open) {
            throw new IllegalStateException("this SPI connection is closed");
        }
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            String name = Native.readCString(Guard.call(SpiSymbols.resultCodeString(), rc));
            throw new PgException(rc == -8 ? SqlState.INVALID_TRANSACTION_TERMINATION : SqlState.INTERNAL_ERROR,
                    "SPI failed with " + name + " for: " + what);
        }
    }
}
