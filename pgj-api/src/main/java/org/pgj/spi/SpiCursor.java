package org.pgj.spi;

import org.pgj.errors.PgException;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.spi.SpiNative;

/**
 * An open cursor: a query whose rows are fetched a batch at a time, so a large result never
 * sits in memory at once.
 *
 * <pre>{@code
 * try (SpiCursor cursor = spi.openCursor("SELECT id FROM big")) {
 *     for (SpiResult batch = cursor.fetch(1000); !batch.isEmpty(); batch = cursor.fetch(1000)) {
 *         for (SpiRow row : batch) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>It closes with its connection scope unless {@link #detach() detached}; a detached cursor
 * stays open until its transaction ends, and a later scope finds it by name with
 * {@link SpiConnection#findCursor}. Using a closed cursor throws {@link IllegalStateException};
 * closing twice does nothing.
 */
public final class SpiCursor implements AutoCloseable {
    private final SpiConnection connection;
    private final String name;
    private final long portal;
    private final Cell cell;
    private boolean closed;
    private int fetching;

    SpiCursor(SpiConnection connection, String name, long portal, Cell cell) {
        this.connection = connection;
        this.name = name;
        this.portal = portal;
        this.cell = cell;
    }

    /** The cursor's name, by which {@link SpiConnection#findCursor} finds it. */
    public String name() {
        return name;
    }

    /** The next {@code count} rows at most; an empty result once the rows are exhausted. */
    public SpiResult fetch(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("fetch at least one row, not " + count);
        }
        checkOpen();
        if (!connection.isOpen()) {
            throw new IllegalStateException("the SPI connection scope of cursor \"" + name + "\" has ended; "
                    + "find the cursor again in an open scope with findCursor(\"" + name + "\")");
        }
        fetching++;
        try {
            return connection.fetch(this, portal, count);
        } finally {
            fetching--;
        }
    }

    /**
     * Leaves the cursor open when its scope closes, until its transaction ends; returns its
     * name, by which a later scope finds it.
     */
    public String detach() {
        checkOpen();
        connection.forget(this);
        return name;
    }

    public boolean isOpen() {
        return !closed && cell.alive();
    }

    /** Closes the cursor (SPI_cursor_close); closing again, or after the server closed it, does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        Backend.checkThread();
        if (fetching > 0) {
            throw new IllegalStateException("cursor \"" + name + "\" is fetching and cannot close now");
        }
        closed = true;
        connection.forget(this);
        if (cell.alive()) {
            SpiNative.spiCursorClose(portal);
        }
    }

    /** Closing with its scope: after a server error the rollback that must follow closes it. */
    void closeQuietly() {
        try {
            close();
        } catch (PgException refused) {
            // the pending error is what matters
        }
    }

    private void checkOpen() {
        Backend.checkThread();
        if (closed) {
            throw new IllegalStateException("cursor \"" + name + "\" is closed");
        }
        if (!cell.alive()) {
            throw new IllegalStateException("cursor \"" + name + "\" was closed by the server: its transaction ended "
                    + "(COMMIT, ROLLBACK or an error), or SQL closed it");
        }
    }

    @Override
    public String toString() {
        return "SpiCursor[" + name + (isOpen() ? "" : ", closed") + "]";
    }
}
