package org.pgj.shmem;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A fixed number of 64-bit integers in shared memory, each updated atomically (see
 * {@link PgAtomicLong}): counters per category, slots per worker. All start at 0.
 */
public final class PgAtomicLongArray extends SharedArea {
    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private final int length;

    private PgAtomicLongArray(String name, int length) {
        super(name, false, 8L * length);
        this.length = length;
    }

    /** Declares the array; see {@link SharedMemory} for how it comes to exist. */
    public static PgAtomicLongArray named(String name, int length) {
        if (length < 1 || length > 1 << 24) {
            throw new IllegalArgumentException("shared memory \"" + name + "\": length " + length
                    + " is not between 1 and " + (1 << 24));
        }
        return new PgAtomicLongArray(name, length);
    }

    public int length() {
        return length;
    }

    private long offset(int index) {
        return 8L * Objects.checkIndex(index, length);
    }

    public long get(int index) {
        return (long) LONG.getVolatile(attached().memory(), offset(index));
    }

    public void set(int index, long value) {
        LONG.setVolatile(attached().memory(), offset(index), value);
    }

    public long addAndGet(int index, long delta) {
        return (long) LONG.getAndAdd(attached().memory(), offset(index), delta) + delta;
    }

    public long incrementAndGet(int index) {
        return addAndGet(index, 1);
    }

    public boolean compareAndSet(int index, long expected, long value) {
        return LONG.compareAndSet(attached().memory(), offset(index), expected, value);
    }
}
