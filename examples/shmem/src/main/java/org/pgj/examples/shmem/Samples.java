package org.pgj.examples.shmem;

import org.pgj.functions.PgFunction;
import org.pgj.shmem.PgLwLock;
import org.pgj.shmem.SharedMemory;

/** Statistics of samples that every backend adds to, kept whole by an LWLock. */
public final class Samples {
    /** In shared memory, and also the SQL result type of {@link #totals()}. */
    public record Totals(long count, double sum, double max) {
    }

    @SharedMemory
    public static final PgLwLock<Totals> TOTALS = PgLwLock.named("shmem.totals", Totals.class);

    private Samples() {
    }

    @PgFunction
    public static Totals addSample(double x) {
        return TOTALS.update(t -> new Totals(t.count() + 1, t.sum() + x, t.count() == 0 ? x : Math.max(t.max(), x)));
    }

    @PgFunction
    public static Totals totals() {
        return TOTALS.get();
    }

    /** Adds 1, 2, ..., n, one update each. */
    @PgFunction
    public static long addSamples(int n) {
        for (int i = 1; i <= n; i++) {
            double x = i;
            TOTALS.update(t -> new Totals(t.count() + 1, t.sum() + x, Math.max(t.max(), x)));
        }
        return n;
    }

    /** Takes the lock inside its own update: refused, never a hang. */
    @PgFunction
    public static Totals nestedUpdate() {
        return TOTALS.update(t -> TOTALS.get());
    }

    /** An update whose function throws leaves the value as it was, and the lock free. */
    @PgFunction
    public static Totals failingUpdate() {
        return TOTALS.update(t -> {
            throw new IllegalArgumentException("no such sample");
        });
    }
}
