package org.pgj.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;

/** Server services used by the public API: logging and interrupts. */
public final class Server {
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final long ELOG = Facts.get("fn.pgj_elog");
    private static final long INTERRUPT_PENDING = Facts.get("addr.InterruptPending");
    private static final long QUERY_CANCEL_PENDING = Facts.get("addr.QueryCancelPending");
    private static final long PROC_DIE_PENDING = Facts.get("addr.ProcDiePending");
    private static final long INTERRUPT_HOLDOFF_COUNT = Facts.get("addr.InterruptHoldoffCount");
    private static final long CRIT_SECTION_COUNT = Facts.get("addr.CritSectionCount");
    private static final long QUERY_CANCEL_HOLDOFF_COUNT = Facts.get("addr.QueryCancelHoldoffCount");

    static {
        if (Facts.get("sizeof.sig_atomic_t") != 4) {
            throw new IllegalStateException("pgj expects a 4-byte sig_atomic_t");
        }
    }

    private Server() {
    }

    /** Reports at a level below ERROR through ereport. */
    public static void log(int level, String sqlState, String message, String detail, String hint) {
        Backend.checkThread();
        try (Arena arena = Arena.ofConfined()) {
            Guard.call(ELOG, level, Native.cString(arena, message),
                    sqlState == null ? 0 : Guard.packSqlState(sqlState),
                    Native.cString(arena, detail), Native.cString(arena, hint), 0);
        }
    }

    private static int readVolatile(long address) {
        return (int) INT.getVolatile(Native.ALL, address);
    }

    /**
     * Throws {@link PgInterrupt} when a cancel, statement timeout or termination is pending and
     * may be processed now. The flags are read with volatile loads so the JIT cannot hoist them
     * out of a loop.
     */
    public static void checkForInterrupts() {
        if (readVolatile(INTERRUPT_PENDING) == 0 || !Backend.isBackendThread()) {
            return;
        }
        if (readVolatile(INTERRUPT_HOLDOFF_COUNT) != 0 || readVolatile(CRIT_SECTION_COUNT) != 0) {
            return;
        }
        // A worker that checks before attaching its handlers keeps PostgreSQL's SIGTERM (bgworker.c).
        Workers.defaultSignals();
        if (readVolatile(PROC_DIE_PENDING) != 0) {
            throw new PgInterrupt(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        if (readVolatile(QUERY_CANCEL_PENDING) != 0 && readVolatile(QUERY_CANCEL_HOLDOFF_COUNT) == 0) {
            throw new PgInterrupt(SqlState.QUERY_CANCELED, "canceling statement");
        }
    }
}
