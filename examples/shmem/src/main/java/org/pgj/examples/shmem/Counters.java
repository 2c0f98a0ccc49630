package org.pgj.examples.shmem;

import org.pgj.functions.PgFunction;
import org.pgj.shmem.PgAtomicLong;
import org.pgj.shmem.PgAtomicLongArray;
import org.pgj.shmem.SharedMemory;

/** Counters every backend shares: one atomic, and an array of them. */
public final class Counters {
    @SharedMemory
    public static final PgAtomicLong HITS = PgAtomicLong.named("shmem.hits");

    @SharedMemory
    public static final PgAtomicLongArray SLOTS = PgAtomicLongArray.named("shmem.slots", 8);

    private Counters() {
    }

    /** Counts a hit, and returns the count of all backends so far. */
    @PgFunction
    public static long hit() {
        return HITS.incrementAndGet();
    }

    @PgFunction
    public static long hits() {
        return HITS.get();
    }

    /** {@code n} hits, one atomic increment each: the benchmark of concurrent updates in the tests. */
    @PgFunction
    public static long hitMany(int n) {
        long last = 0;
        for (int i = 0; i < n; i++) {
            last = HITS.incrementAndGet();
        }
        return last;
    }

    @PgFunction
    public static long bumpSlot(int slot, long by) {
        return SLOTS.addAndGet(slot, by);
    }

    @PgFunction
    public static long slot(int slot) {
        return SLOTS.get(slot);
    }
}
