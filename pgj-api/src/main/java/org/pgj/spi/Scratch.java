package org.pgj.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.spi.SpiNative;

/**
 * Short-lived memory for SPI operations: a server memory context for statement text,
 * arguments, the rows spi.c hands over, and whatever reading them allocates (detoasted values,
 * text forms), and a native buffer for the request (pgj.h) that spi.c reads. Nothing refers to
 * that memory once an operation has ended, so a loop of a million statements in one connection
 * scope does not grow the scope's memory: the context is reset after every
 * {@value #OPERATIONS_PER_RESET} small operations (a reset is a call into the server, which a
 * short statement feels), and after any operation that held much memory.
 *
 * <p>One of each per nesting depth: a statement may call a function that runs SQL from Java,
 * and the outer statement's arguments must outlive the inner one.
 */
final class Scratch implements AutoCloseable {
    private static final long NAME = Arena.global().allocateFrom("pgj SPI scratch").address();
    private static final List<Scratch> DEPTHS = new ArrayList<>();
    static final int OPERATIONS_PER_RESET = 32;
    /** More than this held at the end of an operation, and the context is reset at once. */
    private static final long BYTES_PER_RESET = 256 * 1024;
    private static int depth;

    private final long context;
    private int operations;
    private long bytes;
    /** Held, not just its address: an automatic arena frees memory that is no longer reachable. */
    private MemorySegment buffer;

    private Scratch(long context) {
        this.context = context;
    }

    static Scratch open() {
        Backend.checkThread(); // the depth and the contexts are the backend thread's
        if (depth == DEPTHS.size()) {
            DEPTHS.add(new Scratch(SpiNative.allocSetContextCreate(Native.readLong(SpiNative.TOP_MEMORY_CONTEXT),
                    NAME, SpiNative.CONTEXT_MIN, SpiNative.CONTEXT_INIT, SpiNative.CONTEXT_MAX)));
        }
        return DEPTHS.get(depth++);
    }

    /** The memory context (for spi.c's allocations that must go with this operation). */
    long context() {
        return context;
    }

    /** This depth's native buffer of at least {@code size} bytes, 8-byte aligned; contents undefined. */
    long buffer(long size) {
        if (buffer == null || size > buffer.byteSize()) {
            // malloc'd, not palloc'd: the buffer it replaces may be freed by the GC's cleaner thread.
            buffer = Arena.ofAuto().allocate(Math.max(size, 512), 8);
        }
        return buffer.address();
    }

    /** Makes palloc allocate here; returns the context to {@link #leave} for. */
    long enter() {
        long previous = Native.readLong(SpiNative.CURRENT_MEMORY_CONTEXT);
        Native.writeLong(SpiNative.CURRENT_MEMORY_CONTEXT, context);
        return previous;
    }

    static void leave(long previous) {
        Native.writeLong(SpiNative.CURRENT_MEMORY_CONTEXT, previous);
    }

    /** Counts memory held in this context until the next reset, e.g. the rows a statement returned. */
    void holds(long size) {
        bytes += size;
    }

    /** Allocates here, whatever the current context. */
    long alloc(long size) {
        bytes += size;
        long previous = enter();
        try {
            return Varlena.palloc(size);
        } finally {
            leave(previous);
        }
    }

    @Override
    public void close() {
        depth--;
        if (++operations >= OPERATIONS_PER_RESET || bytes > BYTES_PER_RESET) {
            operations = 0;
            bytes = 0;
            // MemoryContextReset never reports an error, and must run even after one.
            SpiNative.memoryContextReset(context);
        }
    }
}
