package org.pgj.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;

/** Server services used by the public API: logging and interrupts. */
public final class Server {
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static long elog;
    private static long interruptPending;
    private static long queryCancelPending;
    private static long procDiePending;
    private static long interruptHoldoffCount;
    private static long critSectionCount;
    private static long queryCancelHoldoffCount;

    private Server() {
    }

    static void init() {
        if (Facts.get("sizeof.sig_atomic_t") != 4) {
            throw new IllegalStateException("pgj expects a 4-byte sig_atomic_t");
        }
        elog = Facts.get("fn.pgj_elog");
        interruptPending = Facts.get("addr.InterruptPending");
        queryCancelPending = Facts.get("addr.QueryCancelPending");
        procDiePending = Facts.get("addr.ProcDiePending");
        interruptHoldoffCount = Facts.get("addr.InterruptHoldoffCount");
        critSectionCount = Facts.get("addr.CritSectionCount");
        queryCancelHoldoffCount = Facts.get("addr.QueryCancelHoldoffCount");
    }

    /** Reports at a level below ERROR through ereport. */
    public static void log(int level, String sqlState, String message, String detail, String hint) {
        Backend.checkThread();
        try (Arena arena = Arena.ofConfined()) {
            Guard.call(elog, level, Native.cString(arena, message),
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
        if (readVolatile(interruptPending) == 0 || !Backend.isBackendThread()) {
            return;
        }
        if (readVolatile(interruptHoldoffCount) != 0 || readVolatile(critSectionCount) != 0) {
            return;
        }
        if (readVolatile(procDiePending) != 0) {
            throw new PgInterrupt(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        if (readVolatile(queryCancelPending) != 0 && readVolatile(queryCancelHoldoffCount) == 0) {
            throw new PgInterrupt(SqlState.QUERY_CANCELED, "canceling statement");
        }
    }
}
