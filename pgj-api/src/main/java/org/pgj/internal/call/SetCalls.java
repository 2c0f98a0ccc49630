package org.pgj.internal.call;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.stream.BaseStream;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;

/**
 * Set-returning functions, value per call: the executor calls the function once per row, and
 * the Java iterator behind the set lives between calls in a slot whose handle the call site
 * keeps (PgjCallSite.set in pgj.h). A call into Java costs more than a row of a simple set, so
 * each call reads a few rows ahead into the call site (1, then 2, 4, ... up to
 * PGJ_ROWS_AHEAD), and sets.c answers the executor's next calls from there. An infinite
 * stream under a LIMIT still returns, and an element that fails is raised only when the
 * executor gets to it.
 *
 * <p>Generated invokers call {@link #current}, {@link #begin}, {@link #rowsWanted},
 * {@link #hasNext}, {@link #next}, {@link #put}, {@link #putNull}, {@link #filled} and
 * {@link #fail}; the native side calls {@link #close} when the executor lets go of a set early
 * (LIMIT, rescan, end of query) or the statement aborts. A set is closed exactly once, however
 * it ends: that runs a stream's {@code onClose}.
 */
public final class SetCalls {
    private static final long FLINFO = Facts.get("FunctionCallInfoBaseData.flinfo");
    private static final long RESULTINFO = Facts.get("FunctionCallInfoBaseData.resultinfo");
    private static final long FN_EXTRA = Facts.get("FmgrInfo.fn_extra");
    private static final long FN_OID = Facts.get("FmgrInfo.fn_oid");
    private static final long SITE_SET = Facts.get("PgjCallSite.set");
    private static final long SITE_AHEAD_COUNT = Facts.get("PgjCallSite.ahead_count");
    private static final long SITE_AHEAD_LAST = Facts.get("PgjCallSite.ahead_last");
    private static final long SITE_AHEAD_VALUES = Facts.get("PgjCallSite.ahead_values");
    private static final long SITE_AHEAD_NULLS = Facts.get("PgjCallSite.ahead_nulls");
    private static final long SITE_AHEAD_CXT = Facts.get("PgjCallSite.ahead_cxt");
    private static final int ROWS_AHEAD = Facts.getInt("PGJ_ROWS_AHEAD");
    private static final long CURRENT_MEMORY_CONTEXT = Facts.get("addr.CurrentMemoryContext");
    private static final long RS_TYPE = Facts.get("ReturnSetInfo.type");
    private static final long RS_ECONTEXT = Facts.get("ReturnSetInfo.econtext");
    private static final long RS_ALLOWED = Facts.get("ReturnSetInfo.allowedModes");
    private static final long RS_RETURN_MODE = Facts.get("ReturnSetInfo.returnMode");
    private static final int T_RETURN_SET_INFO = Facts.getInt("T_ReturnSetInfo");
    private static final int VALUE_PER_CALL = Facts.getInt("SFRM_ValuePerCall");
    private static final long WATCH = Facts.get("fn.pgj_set_watch");

    /** sets.c ends the set when the executor lets go of it (shutdown callback, or its memory reset). */
    @CFunction("void pgj_set_watch(struct ExprContext *, PgjCallSite *)")
    private static void setWatch(long econtext, long site) {
        Guard.call(WATCH, econtext, site);
    }

    static {
        if (Facts.get("sizeof.NodeTag") != 4 || Facts.get("sizeof.SetFunctionReturnMode") != 4) {
            throw new IllegalStateException("pgj expects 4-byte enums in ReturnSetInfo");
        }
    }

    /** Running sets by handle - 1; handles of closed sets are reused. */
    private static Running[] running = new Running[4];
    private static int[] free = new int[4];
    private static int freeCount;
    private static int used;

    private SetCalls() {
    }

    /** A set being returned: its rows, what closes it, its call site, and how far ahead to read. */
    private static final class Running {
        final Iterator<?> rows;
        final AutoCloseable resource;
        final long site;
        final long values;
        final long nulls;
        final long memory;
        int wanted = 1;
        /** Thrown while reading ahead, after rows the executor has not taken yet. */
        Throwable failure;

        Running(Iterator<?> rows, AutoCloseable resource, long site) {
            this.rows = rows;
            this.resource = resource;
            this.site = site;
            this.values = ALL.get(JAVA_LONG, site + SITE_AHEAD_VALUES);
            this.nulls = ALL.get(JAVA_LONG, site + SITE_AHEAD_NULLS);
            this.memory = ALL.get(JAVA_LONG, site + SITE_AHEAD_CXT);
        }

        void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }

    private static long site(long fcinfo) {
        return ALL.get(JAVA_LONG, ALL.get(JAVA_LONG, fcinfo + FLINFO) + FN_EXTRA);
    }

    /** The set this call site is returning, or null when this call starts one. */
    public static Object current(long fcinfo) {
        long handle = ALL.get(JAVA_LONG, site(fcinfo) + SITE_SET);
        return handle == 0 ? null : running[(int) handle - 1];
    }

    /** Starts the set the user's method returned (null is an empty set). */
    public static Object begin(long fcinfo, Object result) throws Throwable {
        long rsinfo = ALL.get(JAVA_LONG, fcinfo + RESULTINFO);
        if (rsinfo == 0 || ALL.get(JAVA_INT, rsinfo + RS_TYPE) != T_RETURN_SET_INFO
                || (ALL.get(JAVA_INT, rsinfo + RS_ALLOWED) & VALUE_PER_CALL) == 0) {
            throw closing(result, new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "set-valued function called in context that cannot accept a set"));
        }
        long site = site(fcinfo);
        Running set;
        try {
            set = running(result, site);
            setWatch(ALL.get(JAVA_LONG, rsinfo + RS_ECONTEXT), site);
        } catch (Throwable t) {
            throw closing(result, t);
        }
        ALL.set(JAVA_LONG, site + SITE_SET, store(set));
        ALL.set(JAVA_INT, rsinfo + RS_RETURN_MODE, VALUE_PER_CALL);
        return set;
    }

    /** What closes a set, and where its rows come from. */
    private static Running running(Object result, long site) {
        return switch (result) {
            case null -> new Running(Collections.emptyIterator(), null, site);
            case BaseStream<?, ?> s -> new Running(s.iterator(), s, site);
            case Iterator<?> i -> new Running(i, i instanceof AutoCloseable c ? c : null, site);
            case Iterable<?> i -> {
                Iterator<?> it = i.iterator();
                AutoCloseable resource = i instanceof AutoCloseable c ? c : it instanceof AutoCloseable c ? c : null;
                yield new Running(it, resource, site);
            }
            default -> throw new IllegalStateException("not a set: " + result.getClass().getName());
        };
    }

    /** {@code t}, after closing what the method returned; a failure to close is added to it. */
    private static <T extends Throwable> T closing(Object result, T t) {
        if (result instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Throwable closing) {
                t.addSuppressed(closing);
            }
        }
        return t;
    }

    /**
     * How many rows this call reads: twice as many as the last, up to PGJ_ROWS_AHEAD. A
     * failure left from the last call is thrown now, the executor having taken the rows before it.
     */
    public static int rowsWanted(Object set) throws Throwable {
        Running r = (Running) set;
        if (r.failure != null) {
            throw r.failure;
        }
        int wanted = r.wanted;
        r.wanted = Math.min(wanted * 2, ROWS_AHEAD);
        return wanted;
    }

    /** True when there is another row; otherwise ends the set, closing it. */
    public static boolean hasNext(Object set) throws Exception {
        Running r = (Running) set;
        if (r.rows.hasNext()) {
            return true;
        }
        ALL.set(JAVA_BYTE, r.site + SITE_AHEAD_LAST, (byte) 1);
        release(r);
        r.close();
        return false;
    }

    /** The next row; what it converts to is allocated where the rows read ahead live. */
    public static Object next(Object set) {
        Running r = (Running) set;
        Object row = r.rows.next();
        ALL.set(JAVA_LONG, CURRENT_MEMORY_CONTEXT, r.memory);
        return row;
    }

    public static void put(Object set, int index, long datum) {
        Running r = (Running) set;
        ALL.set(JAVA_LONG, r.values + 8L * index, datum);
        ALL.set(JAVA_BYTE, r.nulls + index, (byte) 0);
    }

    public static void putNull(Object set, int index) {
        Running r = (Running) set;
        ALL.set(JAVA_LONG, r.values + 8L * index, 0L);
        ALL.set(JAVA_BYTE, r.nulls + index, (byte) 1);
    }

    /** Tells sets.c how many rows this call read; the first of them is its result. */
    public static long filled(Object set, int count) {
        ALL.set(JAVA_INT, ((Running) set).site + SITE_AHEAD_COUNT, count);
        return 0;
    }

    /** A row of the wrong Java type, which the invoker found before converting it. */
    public static void wrongElement(long fcinfo, Object row, Class<?> expected) {
        throw new PgException(SqlState.DATATYPE_MISMATCH, "function " + describe(fcinfo) + " returned a set element of type "
                + (row == null ? "null" : row.getClass().getName()) + " where " + expected.getName() + " was expected");
    }

    /**
     * Something was thrown while returning the set. After rows read in this call, it waits
     * until the executor has taken them; otherwise the set is closed and the throwable recorded.
     */
    public static void fail(long fcinfo, Object set, int rowsRead, Throwable t) {
        if (set instanceof Running r && rowsRead > 0 && r.failure == null && ALL.get(JAVA_LONG, r.site + SITE_SET) != 0) {
            r.failure = t;
            filled(r, rowsRead);
            return;
        }
        try {
            long site = site(fcinfo);
            long handle = ALL.get(JAVA_LONG, site + SITE_SET);
            if (handle != 0) {
                Running r = running[(int) handle - 1];
                release(r);
                try {
                    r.close();
                } catch (Throwable closing) {
                    if (closing != t) {
                        t.addSuppressed(closing);
                    }
                }
            }
        } catch (Throwable ignored) {
            // Recording the original error matters more.
        }
        ErrorBridge.record(t);
    }

    /**
     * From sets.c: the executor let go of a set early, or its statement is aborting. Returns
     * true when {@code onClose} threw and, {@code report} being set, the error was recorded.
     */
    public static boolean close(long handle, boolean report) {
        Running r = running[(int) handle - 1];
        running[(int) handle - 1] = null;
        push((int) handle - 1);
        try {
            r.close();
            return false;
        } catch (Throwable t) {
            if (report) {
                ErrorBridge.record(t);
            }
            return report;
        }
    }

    private static long store(Running set) {
        int index;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (used == running.length) {
                running = Arrays.copyOf(running, used * 2);
            }
            index = used++;
        }
        running[index] = set;
        return index + 1;
    }

    private static void release(Running r) {
        long handle = ALL.get(JAVA_LONG, r.site + SITE_SET);
        ALL.set(JAVA_LONG, r.site + SITE_SET, 0L);
        running[(int) handle - 1] = null;
        push((int) handle - 1);
    }

    private static void push(int index) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = index;
    }

    private static String describe(long fcinfo) {
        return FunctionResolver.describe(ALL.get(JAVA_INT, ALL.get(JAVA_LONG, fcinfo + FLINFO) + FN_OID));
    }
}
