package org.pgj.spi;

import java.util.List;
import java.util.stream.IntStream;
import org.pgj.internal.Backend;
import org.pgj.internal.Guard;

/**
 * A prepared statement ({@link SpiConnection#prepare}): planned once, run many times with
 * arguments of the types it was prepared with.
 *
 * <pre>{@code
 * SpiStatement byId = spi.prepare("SELECT name FROM people WHERE id = $1", "int8");
 * for (long id : ids) {
 *     names.add(spi.getOne(byId, String.class, id).orElse("?"));
 * }
 * }</pre>
 *
 * <p>It lives as long as the scope and transaction it was prepared in, unless {@link #keep()}
 * keeps it (SPI_keepplan) for later scopes, calls and transactions, until {@link #free()}.
 * Using it after that throws {@link IllegalStateException}; freeing twice does nothing.
 */
public final class SpiStatement implements AutoCloseable {
    private final String sql;
    private final long plan;
    private final Cell cell;
    private final int[] types;
    private final int transaction;
    private boolean kept;
    private boolean freed;
    /** Runs of this statement in progress: it must not be freed under them. */
    int executing;

    SpiStatement(String sql, long plan, Cell cell, int[] types) {
        this.sql = sql;
        this.plan = plan;
        this.cell = cell;
        this.types = types;
        this.transaction = SpiNative.localTransactionId();
    }

    public String sql() {
        return sql;
    }

    public int argumentCount() {
        return types.length;
    }

    /** The OIDs of the argument types, in order. */
    public List<Integer> argumentTypes() {
        return IntStream.of(types).boxed().toList();
    }

    /** Keeps the statement beyond its scope and transaction, until {@link #free()}; returns it. */
    public SpiStatement keep() {
        checkUsable();
        if (!kept) {
            Guard.call(SpiNative.KEEP_PLAN, plan);
            kept = true;
        }
        return this;
    }

    public boolean isKept() {
        return kept;
    }

    /** Whether it can still run: not freed, and kept or still in its scope and transaction. */
    public boolean isUsable() {
        return !freed && cell.alive() && (kept || transaction == SpiNative.localTransactionId());
    }

    /** Frees the plan (SPI_freeplan); freeing again, or after its scope ended, does nothing. */
    public void free() {
        if (freed) {
            return;
        }
        Backend.checkThread();
        if (executing > 0) {
            throw new IllegalStateException("this prepared statement is running and cannot be freed now");
        }
        freed = true;
        if (cell.alive()) {
            Guard.call(SpiNative.FREE_PLAN, plan);
        }
    }

    /** The same as {@link #free()}. */
    @Override
    public void close() {
        free();
    }

    void checkUsable() {
        Backend.checkThread();
        if (freed) {
            throw new IllegalStateException("this prepared statement was freed");
        }
        if (!cell.alive()) {
            throw new IllegalStateException("this prepared statement ended with the SPI connection scope that prepared it; "
                    + "keep() it to use it longer");
        }
        if (!kept && transaction != SpiNative.localTransactionId()) {
            throw new IllegalStateException("this prepared statement was prepared in an earlier transaction; "
                    + "keep() it to use it across COMMIT and ROLLBACK");
        }
    }

    void checkArguments(int count) {
        checkUsable();
        if (count != types.length) {
            throw new ArgumentCountException(sql, types.length, count);
        }
    }

    long plan() {
        return plan;
    }

    int[] types() {
        return types;
    }

    @Override
    public String toString() {
        return "SpiStatement[" + sql + (kept ? ", kept" : "") + (freed ? ", freed" : "") + "]";
    }
}
