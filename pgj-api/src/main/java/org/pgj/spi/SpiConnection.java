package org.pgj.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.spi.SpiNative;
import org.pgj.internal.triggers.TransitionTables;

/**
 * An SPI connection scope, between {@code SPI_connect} and {@code SPI_finish}: open it with
 * {@link Spi#connect()} in a try-with-resources. Scopes nest; only the innermost open one
 * runs statements.
 *
 * <pre>{@code
 * try (SpiConnection spi = Spi.connect()) {
 *     spi.update("INSERT INTO t VALUES ($1, $2)", 1, "one");
 *     long n = spi.getOne("SELECT count(*) FROM t", Long.class).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Arguments bind to {@code $1..$n}. A Java value is sent as the SQL type it maps to
 * ({@code Integer} as {@code integer}, {@code String} as {@code text}, ...), or as the type a
 * prepared statement declares; a plain {@code null} takes the type the statement gives it, and
 * {@link Arg} names a type explicitly.
 *
 * <p>Results, cursors and non-kept prepared statements end with the scope: using them after
 * {@link #close()} throws {@link IllegalStateException}, and so does using the scope itself. A
 * scope also ends when the (sub)transaction it was opened in is rolled back. A function that
 * returns with a scope still open gets it closed for it, with a WARNING.
 */
public final class SpiConnection implements AutoCloseable {
    /** Open scopes, innermost first. */
    private static final ArrayDeque<SpiConnection> OPEN = new ArrayDeque<>();

    private final Cell cell;
    private final boolean nonatomic;
    private final List<SpiCursor> cursors = new ArrayList<>();
    private boolean closed;
    /** Statements of this scope that are running: code they call must not use it. */
    private int busy;

    private SpiConnection(Cell cell, boolean nonatomic) {
        this.cell = cell;
        this.nonatomic = nonatomic;
    }

    static SpiConnection open() {
        Backend.checkThread();
        SpiStatement.freeOrphans();
        Cell cell = Cell.at(SpiNative.spiConnect());
        SpiConnection connection = new SpiConnection(cell, SpiNative.readBool(cell.address() + SpiNative.CELL_NONATOMIC));
        prune();
        OPEN.push(connection);
        TransitionTables.connected();
        return connection;
    }

    /** Runs a read-only statement: writes and DDL get the server's "not allowed in a non-volatile function". */
    public SpiResult select(String sql, Object... args) {
        return execute(sql, null, args, SpiNative.READ_ONLY | SpiNative.KEEP_ROWS);
    }

    public SpiResult select(SpiStatement statement, Object... args) {
        return execute(null, statement, args, SpiNative.READ_ONLY | SpiNative.KEEP_ROWS);
    }

    /** Runs any statement, read-write. */
    public SpiResult update(String sql, Object... args) {
        return execute(sql, null, args, SpiNative.KEEP_ROWS);
    }

    public SpiResult update(SpiStatement statement, Object... args) {
        return execute(null, statement, args, SpiNative.KEEP_ROWS);
    }

    /** Runs any statement, read-write, and discards its rows; returns the row count. */
    public long run(String sql, Object... args) {
        return execute(sql, null, args, 0).processed();
    }

    public long run(SpiStatement statement, Object... args) {
        return execute(null, statement, args, 0).processed();
    }

    /**
     * The first column of the first row, as {@code type}; empty if it is NULL. Runs read-write,
     * so {@code INSERT ... RETURNING} works (and inserts every row). {@link NoRowsException}
     * when there is no row, {@link NoSuchColumnException} when there is no column,
     * {@link NoTupleTableException} when the statement returns no rows at all. A prepared query
     * stops at its first row, as PL/pgSQL's {@code SELECT INTO} does.
     */
    public <T> Optional<T> getOne(String sql, Class<T> type, Object... args) {
        return optional(type, execute(sql, null, args, SpiNative.KEEP_ROWS, TypeMappings.boxed(type)));
    }

    public <T> Optional<T> getOne(SpiStatement statement, Class<T> type, Object... args) {
        return optional(type, execute(null, statement, args, SpiNative.KEEP_ROWS | SpiNative.FIRST_ROW, TypeMappings.boxed(type)));
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> optional(Class<T> type, Object value) {
        return Optional.ofNullable((T) TypeMappings.boxed(type).cast(value));
    }

    /** The first row as a record (see {@link SpiRow#as}); the same errors as {@link #getOne}. */
    public <R extends Record> R getRow(String sql, Class<R> type, Object... args) {
        return execute(sql, null, args, SpiNative.KEEP_ROWS).first().as(type);
    }

    public <R extends Record> R getRow(SpiStatement statement, Class<R> type, Object... args) {
        return execute(null, statement, args, SpiNative.KEEP_ROWS | SpiNative.FIRST_ROW).first().as(type);
    }

    /** The plan of a statement, as EXPLAIN (FORMAT JSON) gives it. */
    public String explain(String sql, Object... args) {
        return getOne("EXPLAIN (FORMAT JSON) " + sql, String.class, args).orElseThrow();
    }

    /**
     * Prepares a statement with argument types named as in SQL ({@code "int4"},
     * {@code "text"}, {@code "numeric(10,2)"}). It can run many times in this scope, and is
     * freed when the scope closes; call {@link SpiStatement#keep()} to keep it for later scopes
     * and calls.
     */
    public SpiStatement prepare(String sql, String... argumentTypes) {
        checkUsable();
        busy++;
        try (Scratch scratch = Scratch.open()) {
            int[] types = new int[argumentTypes.length];
            long array = scratch.alloc(SpiNative.OID_SIZE * Math.max(types.length, 1));
            for (int i = 0; i < types.length; i++) {
                types[i] = Request.typeOid(scratch, argumentTypes[i]);
                Native.ALL.set(java.lang.foreign.ValueLayout.JAVA_INT, array + SpiNative.OID_SIZE * i, types[i]);
            }
            long plan = SpiNative.spiPrepare(ServerText.toServer(scratch, sql, "statement"), types.length, array);
            if (plan == 0) {
                throw failure(SpiNative.readInt(SpiNative.SPI_RESULT), sql);
            }
            Cell cell = Cell.watching(Native.readLong(plan + SpiNative.PLAN_CONTEXT));
            // Saved in the plan cache like PL/pgSQL's plans: replanned after DDL, faster to run.
            // (Not before the cell exists: an unsaved plan goes with the scope if that fails.)
            SpiNative.spiKeepplan(plan);
            return new SpiStatement(this, sql, plan, cell, types);
        } finally {
            busy--;
        }
    }

    /** Opens a cursor, with a name the server picks; fetch its rows a batch at a time. */
    public SpiCursor openCursor(String sql, Object... args) {
        return cursor(null, sql, null, args);
    }

    public SpiCursor openCursor(SpiStatement statement, Object... args) {
        return cursor(null, null, statement, args);
    }

    /** Opens a cursor named {@code name}, like SQL's {@code DECLARE name CURSOR FOR ...}. */
    public SpiCursor declareCursor(String name, String sql, Object... args) {
        return cursor(name, sql, null, args);
    }

    /** An open cursor by name: one detached in an earlier scope, or one declared in SQL. */
    public SpiCursor findCursor(String name) {
        checkUsable();
        try (Scratch scratch = Scratch.open()) {
            long portal = SpiNative.spiCursorFind(ServerText.toServer(scratch, name, "cursor name"));
            if (portal == 0) {
                throw new CursorNotFoundException(name);
            }
            return adopt(portal, scratch);
        }
    }

    /**
     * Commits the transaction and starts a new one. Only a procedure called by a top-level
     * {@code CALL} (not inside a transaction block) may; elsewhere the server refuses with
     * "invalid transaction termination". Cursors close; results and kept statements stay.
     */
    public void commit() {
        endTransaction(true, false);
    }

    /** Rolls the transaction back and starts a new one; see {@link #commit()}. */
    public void rollback() {
        endTransaction(false, false);
    }

    /** Commits, and starts the new transaction with the same characteristics (COMMIT AND CHAIN). */
    public void commitAndChain() {
        endTransaction(true, true);
    }

    /** Rolls back, and starts the new transaction with the same characteristics (ROLLBACK AND CHAIN). */
    public void rollbackAndChain() {
        endTransaction(false, true);
    }

    /** Whether this scope may commit and roll back: it was opened by a procedure called by a top-level CALL. */
    public boolean isNonatomic() {
        checkUsable();
        return nonatomic;
    }

    public boolean isOpen() {
        return !closed && cell.alive();
    }

    /** Closes the scope and its cursors that were not detached; closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        Backend.checkThread();
        if (!cell.alive()) {
            closed = true;
            OPEN.remove(this);
            return;
        }
        if (busy > 0) {
            throw new IllegalStateException("this SPI connection scope is running a statement and cannot close now");
        }
        if (innermost() != this) {
            throw new IllegalStateException("an inner SPI connection scope is still open: close it first");
        }
        closed = true;
        OPEN.remove(this);
        for (SpiCursor cursor : List.copyOf(cursors)) {
            cursor.closeQuietly();
        }
        SpiStatement.freeWith(this);
        int code = SpiNative.spiFinish();
        if (code < 0) {
            throw failure(code, "SPI_finish");
        }
    }

    // --- for results, statements and cursors ---

    /** Results can be read while their scope is open. */
    void checkReadable() {
        if (!isOpen()) {
            throw new IllegalStateException("this result belongs to an SPI connection scope that has ended; "
                    + "the values read from it stay valid, but read what you need before the scope closes");
        }
    }

    /** Statements run in the innermost open scope, and not from code a statement of this scope calls. */
    void checkUsable() {
        Backend.checkThread();
        if (closed) {
            throw new IllegalStateException("this SPI connection scope is closed");
        }
        if (!cell.alive()) {
            throw new IllegalStateException("this SPI connection scope has ended: the (sub)transaction it was opened in "
                    + "was rolled back or ended");
        }
        if (busy > 0) {
            throw new IllegalStateException("this SPI connection scope is running a statement; code that the statement "
                    + "calls must open its own scope with Spi.connect()");
        }
        if (innermost() != this) {
            throw new IllegalStateException("an inner SPI connection scope is open; use the innermost scope until it is closed");
        }
    }

    void forget(SpiCursor cursor) {
        cursors.remove(cursor);
    }

    SpiResult fetch(SpiCursor cursor, long portal, int count) {
        checkUsable();
        busy++;
        try (Scratch scratch = Scratch.open()) {
            return ResultReader.read(this, "FETCH", scratch, SpiNative.spiFetch(portal, count, scratch.context()));
        } finally {
            busy--;
        }
    }

    private static void prune() {
        while (!OPEN.isEmpty() && !OPEN.peek().isOpen()) {
            OPEN.pop();
        }
    }

    private static SpiConnection innermost() {
        prune();
        return OPEN.peek();
    }

    private SpiResult execute(String sql, SpiStatement statement, Object[] args, int flags) {
        return (SpiResult) execute(sql, statement, args, flags, null);
    }

    /**
     * Runs a statement and reads what it returned before the operation's memory goes.
     *
     * @param flags PGJ_SPI_READ_ONLY, PGJ_SPI_KEEP_ROWS (else the rows are dropped), PGJ_SPI_FIRST_ROW
     * @param firstValue null for the whole {@link SpiResult}; else only the first value, as this type
     */
    private Object execute(String sql, SpiStatement statement, Object[] args, int flags, Class<?> firstValue) {
        Object[] arguments = begin(statement, args);
        try (Scratch scratch = Scratch.open()) {
            long request = Request.build(scratch, sql, statement == null ? 0 : statement.plan(),
                    statement == null ? null : statement.types(), arguments, flags, null);
            int code = SpiNative.spiExecute(request);
            if (code < 0) {
                throw failure(code, statement == null ? sql : statement.sql());
            }
            long rows = Native.readLong(request + SpiNative.REQUEST_ROWS);
            return firstValue == null ? ResultReader.read(this, SpiNative.status(code), scratch, rows)
                    : ResultReader.firstValue(SpiNative.status(code), scratch, rows, firstValue);
        } finally {
            end(statement);
        }
    }

    /** Checks the scope and the arguments, and marks the scope (and statement) busy until {@link #end}. */
    private Object[] begin(SpiStatement statement, Object[] args) {
        checkUsable();
        Object[] arguments = arguments(args);
        if (statement != null) {
            statement.checkArguments(arguments.length);
        }
        busy++;
        if (statement != null) {
            statement.executing++;
        }
        return arguments;
    }

    private void end(SpiStatement statement) {
        busy--;
        if (statement != null) {
            statement.executing--;
        }
    }

    private SpiCursor cursor(String name, String sql, SpiStatement statement, Object[] args) {
        Object[] arguments = begin(statement, args);
        try (Scratch scratch = Scratch.open()) {
            long request = Request.build(scratch, sql, statement == null ? 0 : statement.plan(),
                    statement == null ? null : statement.types(), arguments, 0, name);
            return adopt(SpiNative.spiOpenCursor(request), scratch);
        } finally {
            end(statement);
        }
    }

    private SpiCursor adopt(long portal, Scratch scratch) {
        String name = ServerEncoding.readCString(Native.readLong(portal + SpiNative.PORTAL_NAME));
        SpiCursor cursor = new SpiCursor(this, name, portal, Cell.watching(Native.readLong(portal + SpiNative.PORTAL_CONTEXT)));
        cursors.add(cursor);
        return cursor;
    }

    private void endTransaction(boolean commit, boolean chain) {
        checkUsable();
        busy++; // deferred triggers run at commit
        try {
            SpiNative.spiEndTransaction(commit, chain);
        } finally {
            busy--;
        }
        cursors.removeIf(c -> !c.isOpen());
    }

    /** Java passes {@code f(sql, null)} as a null array: one NULL argument. */
    private static Object[] arguments(Object[] args) {
        return args == null ? new Object[] {null} : args;
    }

    private static PgException failure(int code, String sql) {
        String name = SpiNative.resultCodeName(code);
        return switch (name) {
            case "SPI_ERROR_TRANSACTION" -> new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "transaction control statements cannot run through SPI: " + sql, null,
                    "In a procedure, call commit() or rollback() on the connection scope; to catch errors, use Subtransaction.");
            case "SPI_ERROR_COPY" -> new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY to or from the client cannot run through SPI: " + sql);
            default -> new PgException(SqlState.INTERNAL_ERROR, "SPI failed with " + name + ": " + sql);
        };
    }
}
