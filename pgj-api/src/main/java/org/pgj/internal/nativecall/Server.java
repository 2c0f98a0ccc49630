package org.pgj.internal.nativecall;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import org.pgj.errors.PgInterrupt;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.workers.Workers;

/** Server services used by the public API: logging and interrupts. */
public final class Server {
    private static final VarHandle INT = JAVA_INT.varHandle();
    private static final long ELOG = Facts.get("fn.pgj_elog");
    private static final long INTERRUPT_PENDING = Facts.get("addr.InterruptPending");
    private static final long STICKY_INTERRUPT = Facts.get("addr.pgj_sticky_interrupt");
    private static final long POSTMASTER_POSSIBLY_DEAD = Facts.get("addr.postmaster_possibly_dead");
    private static final long INTERRUPT_WANTED = Facts.get("fn.pgj_interrupt_wanted");

    static {
        if (Facts.get("sizeof.sig_atomic_t") != 4) {
            throw new IllegalStateException("pgj expects a 4-byte sig_atomic_t");
        }
    }

    private Server() {
    }

    /**
     * Reports at a level below ERROR through ereport, which does not check for interrupts: a loop
     * that only logs must still stop on a cancel.
     */
    public static void log(int level, String sqlState, String message, String detail, String hint) {
        Backend.checkThread();
        checkForInterrupts();
        try (Arena arena = Arena.ofConfined()) {
            elog(level, ServerEncoding.messageCString(arena, message), sqlState == null ? 0 : Guard.packSqlState(sqlState),
                    ServerEncoding.messageCString(arena, detail), ServerEncoding.messageCString(arena, hint));
        }
    }

    /** ereport at {@code level} with an optional SQLSTATE (0: the level's default), detail and hint (0: none). */
    @CFunction("void pgj_elog(int32, const char *, int32, const char *, const char *)")
    private static void elog(int level, long message, int sqlState, long detail, long hint) {
        Guard.call(ELOG, level, message, sqlState, detail, hint);
    }

    /** What the server would do at its next CHECK_FOR_INTERRUPTS, and what Java must not run past: an Interrupts kind. */
    @CFunction(value = "int32 pgj_interrupt_wanted(void)", call = CFunction.Call.DIRECT)
    private static int interruptWanted() {
        return (int) Native.direct(INTERRUPT_WANTED);
    }

    private static int readVolatile(long address) {
        return (int) INT.getVolatile(Native.ALL, address);
    }

    /**
     * Throws {@link PgInterrupt} when a cancel, statement timeout or termination is pending and
     * may be processed now, or when Java must unwind for one the server already raised (see
     * pgj-native's pgj_sticky_interrupt) or for the postmaster's death. The flags are read with
     * volatile loads so the JIT cannot hoist them out of a loop; pgj-native decides the rest.
     */
    public static void checkForInterrupts() {
        if (readVolatile(INTERRUPT_PENDING) == 0 && readVolatile(STICKY_INTERRUPT) == 0
                && readVolatile(POSTMASTER_POSSIBLY_DEAD) == 0 || !Backend.isBackendThread()) {
            return;
        }
        // A worker that checks before attaching its handlers keeps PostgreSQL's SIGTERM (bgworker.c).
        Workers.defaultSignals();
        int kind = interruptWanted();
        if (kind != Interrupts.NONE) {
            throw Interrupts.of(kind);
        }
    }
}
