package org.pgj.internal.memory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.ref.Cleaner;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * What org.pgj.memory needs from the server and memory.c: contexts, allocation in them, and
 * watches that say whether a context's memory still exists (a handle checks its watch before
 * every use, so use after a reset or delete is a Java exception, not a read of freed memory).
 */
public final class MemoryNative {
    private MemoryNative() {
    }

    private static final long WATCH = Facts.get("fn.pgj_memory_watch");
    private static final long UNWATCH = Facts.get("fn.pgj_memory_unwatch");
    private static final long ALLOC = Facts.get("fn.MemoryContextAllocExtended");
    private static final long DELETE = Facts.get("fn.MemoryContextDelete");
    private static final long STRDUP = Facts.get("fn.MemoryContextStrdup");
    private static final long SET_IDENTIFIER = Facts.get("fn.MemoryContextSetIdentifier");

    public static final long TOP_MEMORY_CONTEXT = Facts.get("addr.TopMemoryContext");
    public static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");
    public static final long CUR_TRANSACTION_CONTEXT = Facts.get("addr.CurTransactionContext");
    private static final long PARENT = Facts.get("MemoryContextData.parent");
    private static final long ALIVE = Facts.get("PgjMemoryWatch.alive");

    /** palloc.h's MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM: sizes up to MaxAllocHugeSize, NULL when out of memory. */
    private static final int HUGE_NO_OOM = 0x01 | 0x02;

    private static final Cleaner CLEANER = Cleaner.create();
    /** Watches no handle refers to any more; released on the backend's thread, never the cleaner's. */
    private static final ConcurrentLinkedQueue<Long> UNREFERENCED = new ConcurrentLinkedQueue<>();

    /** A watch on {@code context}, released once {@code owner} is unreachable. */
    public static long watch(long context, Object owner) {
        Backend.checkThread();
        for (Long watch; (watch = UNREFERENCED.poll()) != null; ) {
            unwatch(watch);
        }
        long watch = memoryWatch(context);
        if (watch == 0) {
            throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory", "Failed to watch a memory context.", null);
        }
        CLEANER.register(owner, () -> UNREFERENCED.add(watch));
        return watch;
    }

    /** Whether the watched context has been neither reset nor deleted since the watch was made. */
    public static boolean alive(long watch) {
        return Native.ALL.get(JAVA_BYTE, watch + ALIVE) != 0;
    }

    /** Whether {@code context} is {@code ancestor} or below it. */
    public static boolean isWithin(long context, long ancestor) {
        for (long c = context; c != 0; c = Native.readLong(c + PARENT)) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** {@code size} bytes in {@code context}; out of memory is 53200, a size beyond the server's limit its own error. */
    public static long allocate(long context, long size) {
        long address = memoryContextAllocExtended(context, size, HUGE_NO_OOM);
        if (address == 0) {
            throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "Failed on request of size " + size + " in a memory context.", null);
        }
        return address;
    }

    @CFunction(value = "PgjMemoryWatch *pgj_memory_watch(MemoryContext)", call = CFunction.Call.DIRECT)
    private static long memoryWatch(long context) {
        return Native.direct(WATCH, context);
    }

    @CFunction(value = "void pgj_memory_unwatch(PgjMemoryWatch *)", call = CFunction.Call.DIRECT)
    private static void unwatch(long watch) {
        Native.direct(UNWATCH, watch);
    }

    @CFunction(value = "void *MemoryContextAllocExtended(MemoryContext, Size, int)", header = "utils/palloc.h")
    private static long memoryContextAllocExtended(long context, long size, int flags) {
        return Guard.call(ALLOC, context, size, flags);
    }

    @CFunction(value = "void MemoryContextDelete(MemoryContext)", header = "utils/memutils.h")
    public static void memoryContextDelete(long context) {
        Guard.call(DELETE, context);
    }

    @CFunction(value = "char *MemoryContextStrdup(MemoryContext, const char *)", header = "utils/palloc.h")
    public static long memoryContextStrdup(long context, long string) {
        return Guard.call(STRDUP, context, string);
    }

    @CFunction(value = "void MemoryContextSetIdentifier(MemoryContext, const char *)", header = "utils/memutils.h",
            call = CFunction.Call.DIRECT)
    public static void memoryContextSetIdentifier(long context, long identifier) {
        Native.direct(SET_IDENTIFIER, context, identifier);
    }
}
