package org.pgj.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pgj.errors.PgException;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.spi.SpiNative;

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
 * <p>It lives as long as the scope it was prepared in, unless {@link #keep()} keeps it for later
 * scopes, calls and transactions, until {@link #free()}. Using it after that throws
 * {@link IllegalStateException}; freeing twice does nothing. The plan is saved in the server's
 * plan cache either way (SPI_keepplan), as PL/pgSQL's are: it is replanned when the tables it
 * uses change, and saved plans run faster.
 */
public final class SpiStatement implements AutoCloseable {
    /** Statements not kept, so freed with their scope; see {@link #freeOrphans()}. */
    private static final List<SpiStatement> SCOPED = new ArrayList<>();

    private final SpiConnection scope;
    private final String sql;
    private final long plan;
    private final Cell cell;
    private final int[] types;
    private boolean kept;
    private boolean freed;
    private boolean endedWithScope;
    /** Runs of this statement in progress: it must not be freed under them. */
    int executing;

    SpiStatement(SpiConnection scope, String sql, long plan, Cell cell, int[] types) {
        this.scope = scope;
        this.sql = sql;
        this.plan = plan;
        this.cell = cell;
        this.types = types;
        SCOPED.add(this);
    }

    /** Frees the statements of a scope that is closing. */
    static void freeWith(SpiConnection connection) {
        for (SpiStatement s : List.copyOf(SCOPED)) {
            if (s.scope == connection) {
                s.endedWithScope = true;
                s.freeQuietly();
            }
        }
    }

    /**
     * Frees the statements of scopes that ended without closing (a rollback ended them): their
     * plans sit in the plan cache, which outlives any scope, until freed here.
     */
    static void freeOrphans() {
        for (int i = SCOPED.size() - 1; i >= 0; i--) {
            SpiStatement s = SCOPED.get(i);
            if (!s.scope.isOpen() && s.executing == 0) {
                s.endedWithScope = true;
                s.freeQuietly();
            }
        }
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

    /** Keeps the statement beyond its scope, until {@link #free()}; returns it. */
    public SpiStatement keep() {
        checkUsable();
        kept = true;
        SCOPED.remove(this);
        return this;
    }

    public boolean isKept() {
        return kept;
    }

    /** Whether it can still run: not freed, and kept or its scope still open. */
    public boolean isUsable() {
        return !freed && cell.alive() && (kept || scope.isOpen());
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
        SCOPED.remove(this);
        if (cell.alive()) {
            SpiNative.spiFreeplan(plan);
        }
    }

    private void freeQuietly() {
        try {
            free();
        } catch (PgException refused) {
            // after a server error: freed at the next scope's opening
            freed = false;
            SCOPED.add(this);
        }
    }

    /** The same as {@link #free()}. */
    @Override
    public void close() {
        free();
    }

    void checkUsable() {
        Backend.checkThread();
        if (freed && !endedWithScope) {
            throw new IllegalStateException("this prepared statement was freed");
        }
        if (freed || !cell.alive() || !kept && !scope.isOpen()) {
            throw new IllegalStateException("this prepared statement ended with the SPI connection scope that prepared it; "
                    + "keep() it to use it longer");
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
