package org.pgj.memory;

import java.lang.foreign.Arena;
import java.util.function.Supplier;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.memory.MemoryNative;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.spi.SpiNative;

/**
 * A server memory context (pgrx's {@code PgMemoryContexts}): run Java code with it current, so
 * what the server allocates meanwhile (values, SPI results) lives as long as it does, and
 * allocate {@link ServerMemory} in it.
 *
 * <p>A handle is valid until its context is reset or deleted (the server's reset callback
 * tells it); after that every use throws {@link PgException} 55000, never touches the freed
 * memory. Only the backend's thread may use one.
 */
public sealed class MemoryContext permits OwnedMemoryContext {
    private static final long IDENTIFIER_NAME = Arena.global().allocateFrom("pgj").address();
    private static MemoryContext top;
    private static MemoryContext lastCurrent;

    final long address;
    private final long watch;
    private final String describedAs;

    MemoryContext(long address, String describedAs, boolean watched) {
        this.address = address;
        this.describedAs = describedAs;
        this.watch = watched ? MemoryNative.watch(address, this) : 0;
    }

    /** The backend's TopMemoryContext: memory that lives until the backend exits. */
    public static MemoryContext top() {
        Backend.checkThread();
        if (top == null) {
            top = new MemoryContext(Native.readLong(MemoryNative.TOP_MEMORY_CONTEXT), "TopMemoryContext", false);
        }
        return top;
    }

    /** CurTransactionContext: memory that lives until the current (sub)transaction ends. */
    public static MemoryContext curTransaction() {
        Backend.checkThread();
        long address = Native.readLong(MemoryNative.CUR_TRANSACTION_CONTEXT);
        if (address == 0) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "no transaction is in progress",
                    null, "CurTransactionContext exists only inside a transaction.");
        }
        return new MemoryContext(address, "CurTransactionContext", true);
    }

    /** The context that is current now (in a function call, the call's own short-lived one). */
    public static MemoryContext current() {
        Backend.checkThread();
        long address = Native.readLong(MemoryNative.CURRENT_MEMORY_CONTEXT);
        MemoryContext last = lastCurrent;
        if (last != null && last.address == address && last.isValid()) {
            return last; // one watch per context, however often it is asked for
        }
        return lastCurrent = new MemoryContext(address, "the current memory context", true);
    }

    /**
     * A new context below this one, which the caller owns and deletes with
     * {@link OwnedMemoryContext#close()}; it also goes when this one is reset or deleted.
     * {@code name} shows in the server's memory context statistics.
     */
    public OwnedMemoryContext newChild(String name) {
        checkValid();
        long child = SpiNative.allocSetContextCreate(address, IDENTIFIER_NAME, SpiNative.CONTEXT_MIN,
                SpiNative.CONTEXT_INIT, SpiNative.CONTEXT_MAX);
        OwnedMemoryContext owned;
        try {
            owned = new OwnedMemoryContext(child, "memory context \"" + name + "\"");
            long previous = owned.enter();
            try {
                // The server keeps the pointer, not a copy: the identifier lives in the context itself.
                MemoryNative.memoryContextSetIdentifier(child, Varlena.writeCString(name));
            } finally {
                leave(previous);
            }
        } catch (RuntimeException | Error e) {
            MemoryNative.memoryContextDelete(child);
            throw e;
        }
        return owned;
    }

    /** Runs {@code body} with this context current, and makes the previous one current again. */
    public <T> T call(Supplier<T> body) {
        long previous = enter();
        try {
            return body.get();
        } finally {
            leave(previous);
        }
    }

    /** Runs {@code body} with this context current, and makes the previous one current again. */
    public void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** {@code size} bytes of server memory (zeroed) that live as long as this context. */
    public ServerMemory allocate(long size) {
        checkValid();
        if (size < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a memory size cannot be negative: " + size);
        }
        long memory = MemoryNative.allocate(address, size);
        Native.ALL.asSlice(memory, size).fill((byte) 0);
        return new ServerMemory(this, memory, size);
    }

    /** Whether the context still exists and was not reset since this handle was made. */
    public boolean isValid() {
        Backend.checkThread();
        return watch == 0 || MemoryNative.alive(watch);
    }

    void checkValid() {
        if (!isValid()) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    describedAs + " was reset or deleted", null,
                    "Memory in it is gone; take a handle on a context that is still there.");
        }
    }

    long enter() {
        checkValid();
        long previous = Native.readLong(MemoryNative.CURRENT_MEMORY_CONTEXT);
        Native.writeLong(MemoryNative.CURRENT_MEMORY_CONTEXT, address);
        return previous;
    }

    static void leave(long previous) {
        Native.writeLong(MemoryNative.CURRENT_MEMORY_CONTEXT, previous);
    }

    @Override
    public String toString() {
        return describedAs;
    }
}
