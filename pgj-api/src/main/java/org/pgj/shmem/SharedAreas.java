package org.pgj.shmem;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Finds areas in the table shmem.c built when the server started. Kept apart from
 * {@link SharedArea} so that declaring an area at build time loads nothing of the server's.
 */
final class SharedAreas {
    private static final long ATTACH = Facts.get("fn.pgj_shared_attach");
    private static final long ACQUIRE = Facts.get("fn.LWLockAcquire");
    private static final long RELEASE = Facts.get("fn.LWLockRelease");
    static final int SHARED = Facts.getInt("LW_SHARED");
    static final int EXCLUSIVE = Facts.getInt("LW_EXCLUSIVE");

    static {
        if (Facts.get("sizeof.pg_atomic_uint64") != 8) {
            throw new IllegalStateException("pgj's shared atomics need a server with native 64-bit atomics");
        }
    }

    private SharedAreas() {
    }

    /** An attached area: its memory, and its LWLock (0 for none). */
    record Attached(MemorySegment memory, long lock) {
    }

    static Attached attach(String name, long bytes) {
        Backend.checkThread();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG, 2);
            long address = sharedAttach(arena.allocateFrom(name).address(), out.address());
            if (address == 0) {
                throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "shared memory \"" + name
                        + "\" is not set up in this server", null,
                        "Set shared_preload_libraries = 'pgj' and restart the server after installing the extension.");
            }
            long size = out.getAtIndex(JAVA_LONG, 0);
            if (size != bytes) {
                throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "shared memory \"" + name + "\" has "
                        + size + " bytes, but this version of the extension declares " + bytes, null,
                        "Restart the server after installing a version that changes it.");
            }
            return new Attached(Native.ALL.asSlice(address, bytes), out.getAtIndex(JAVA_LONG, 1));
        }
    }

    /** The area's memory, its size and lock written at {@code out}; 0 when shmem.c has no such area. */
    @CFunction("void *pgj_shared_attach(const char *, int64 *)")
    private static long sharedAttach(long name, long out) {
        return Guard.call(ATTACH, name, out);
    }

    @CFunction(value = "bool LWLockAcquire(LWLock *, LWLockMode)", header = "storage/lwlock.h")
    static boolean acquire(long lock, int mode) {
        return (Guard.call(ACQUIRE, lock, mode) & 0xFF) != 0;
    }

    @CFunction(value = "void LWLockRelease(LWLock *)", header = "storage/lwlock.h")
    static void release(long lock) {
        Guard.call(RELEASE, lock);
    }
}
