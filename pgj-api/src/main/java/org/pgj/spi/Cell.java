package org.pgj.spi;

import org.pgj.internal.nativecall.Native;
import org.pgj.internal.spi.SpiNative;

/**
 * A liveness cell (spi.c): tells whether the server memory context that owns something Java
 * refers to still exists. The context's reset callback clears the cell whoever frees it (SPI,
 * an abort, a portal drop), so a live cell means the pointers into that context are valid.
 * Cells are never freed, only reused with a new serial, so checking one is always safe.
 */
record Cell(long address, long serial) {
    /** The cell written by a helper that returns its address (pgj_spi_connect). */
    static Cell at(long address) {
        return new Cell(address, Native.readLong(address + SpiNative.CELL_SERIAL));
    }

    /** A new cell watching {@code context}. */
    static Cell watching(long context) {
        return at(SpiNative.track(context));
    }

    boolean alive() {
        return Native.readLong(address + SpiNative.CELL_SERIAL) == serial;
    }
}
