package org.pgj.shmem;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A record of primitives in shared memory behind an LWLock, like pgrx's {@code PgLwLock<T>}:
 * readers share the lock, an update holds it alone, so every backend and worker sees each
 * update whole. The value starts as the record of zeros (and {@code false}s).
 *
 * <pre>{@code
 * public record Totals(long count, double sum) { }
 *
 * @SharedMemory
 * public static final PgLwLock<Totals> TOTALS = PgLwLock.named("myext.totals", Totals.class);
 *
 * TOTALS.update(t -> new Totals(t.count() + 1, t.sum() + x));
 * }</pre>
 *
 * The lock is held while {@code update}'s function runs, with interrupts held off: keep it
 * short, and do not take the same lock inside it (an LWLock is not reentrant; that is an
 * {@link IllegalStateException} here, not a hang).
 */
public final class PgLwLock<R extends Record> extends SharedArea {
    private final SharedRecordLayout<R> layout;
    private boolean held;

    private PgLwLock(String name, SharedRecordLayout<R> layout) {
        super(name, true, layout.bytes());
        this.layout = layout;
    }

    /** Declares the locked record; see {@link SharedMemory} for how it comes to exist. */
    public static <R extends Record> PgLwLock<R> named(String name, Class<R> type) {
        return new PgLwLock<>(name, SharedRecordLayout.of(type));
    }

    /** The current value, read under the shared lock. */
    public R get() {
        return read(Function.identity());
    }

    /** What {@code reader} makes of the current value, under the shared lock. */
    public <T> T read(Function<? super R, T> reader) {
        SharedAreas.Attached a = enter(SharedAreas.SHARED);
        try {
            return reader.apply(layout.read(a.memory()));
        } finally {
            leave(a);
        }
    }

    public void set(R value) {
        update(old -> value);
    }

    /** Replaces the value with {@code change}'s result, holding the lock alone; returns the new value. */
    public R update(UnaryOperator<R> change) {
        SharedAreas.Attached a = enter(SharedAreas.EXCLUSIVE);
        try {
            R value = change.apply(layout.read(a.memory()));
            layout.write(a.memory(), value);
            return value;
        } finally {
            leave(a);
        }
    }

    private SharedAreas.Attached enter(int mode) {
        SharedAreas.Attached a = attached();
        if (held) {
            throw new IllegalStateException("shared memory \"" + name() + "\": its lock is held already by this backend");
        }
        SharedAreas.acquire(a.lock(), mode);
        held = true;
        return a;
    }

    private void leave(SharedAreas.Attached a) {
        held = false;
        SharedAreas.release(a.lock());
    }

}
