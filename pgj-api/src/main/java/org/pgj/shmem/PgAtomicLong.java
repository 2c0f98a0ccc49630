package org.pgj.shmem;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.invoke.VarHandle;

/**
 * A 64-bit integer in shared memory that every backend and worker updates atomically, like
 * pgrx's {@code PgAtomic<AtomicU64>}: the server's {@code pg_atomic_uint64}, updated with the
 * same CPU instructions. It starts at 0 when the server starts.
 *
 * <pre>{@code
 * @SharedMemory
 * public static final PgAtomicLong HITS = PgAtomicLong.named("myext.hits");
 * }</pre>
 */
public final class PgAtomicLong extends SharedArea {
    private static final VarHandle LONG = JAVA_LONG.varHandle();

    private PgAtomicLong(String name) {
        super(name, false, 8);
    }

    /** Declares the atomic; see {@link SharedMemory} for how it comes to exist. */
    public static PgAtomicLong named(String name) {
        return new PgAtomicLong(name);
    }

    public long get() {
        return (long) LONG.getVolatile(attached().memory(), 0L);
    }

    public void set(long value) {
        LONG.setVolatile(attached().memory(), 0L, value);
    }

    public long addAndGet(long delta) {
        return (long) LONG.getAndAdd(attached().memory(), 0L, delta) + delta;
    }

    public long getAndAdd(long delta) {
        return (long) LONG.getAndAdd(attached().memory(), 0L, delta);
    }

    public long incrementAndGet() {
        return addAndGet(1);
    }

    public boolean compareAndSet(long expected, long value) {
        return LONG.compareAndSet(attached().memory(), 0L, expected, value);
    }
}
