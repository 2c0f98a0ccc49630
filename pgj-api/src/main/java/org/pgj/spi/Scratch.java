package org.pgj.spi;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;
import org.pgj.internal.datum.Varlena;

/**
 * Short-lived server memory for one SPI operation: statement text, arguments and their
 * Datums, and whatever reading the results allocates (detoasted values, text output). It is
 * reset when the operation ends, so a loop of a million statements in one connection scope
 * does not grow the scope's memory.
 *
 * <p>One memory context per nesting depth: a statement may call a function that runs SQL from
 * Java, and the outer statement's arguments must outlive the inner one.
 */
final class Scratch implements AutoCloseable {
    private static final long NAME = Arena.global().allocateFrom("pgj SPI scratch").address();
    private static final List<Long> CONTEXTS = new ArrayList<>();
    private static int depth;

    private final long context;

    private Scratch(long context) {
        this.context = context;
    }

    static Scratch open() {
        if (depth == CONTEXTS.size()) {
            CONTEXTS.add(Guard.call(SpiNative.CREATE_CONTEXT, Native.readLong(SpiNative.TOP_MEMORY_CONTEXT), NAME,
                    SpiNative.CONTEXT_MIN, SpiNative.CONTEXT_INIT, SpiNative.CONTEXT_MAX, 0));
        }
        return new Scratch(CONTEXTS.get(depth++));
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

    /** Allocates here, whatever the current context. */
    long alloc(long size) {
        long saved = Native.readLong(SpiNative.CURRENT_MEMORY_CONTEXT);
        Native.writeLong(SpiNative.CURRENT_MEMORY_CONTEXT, context);
        try {
            return Varlena.palloc(size);
        } finally {
            Native.writeLong(SpiNative.CURRENT_MEMORY_CONTEXT, saved);
        }
    }

    @Override
    public void close() {
        depth--;
        // MemoryContextReset never reports an error, and must run even after one.
        Native.direct(SpiNative.RESET_CONTEXT, context);
    }
}
