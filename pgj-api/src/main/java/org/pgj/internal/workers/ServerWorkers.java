package org.pgj.internal.workers;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * The C side of background workers: bgworker.c's helpers (signals, latch, transactions,
 * registration) and the server's functions for connections and handles. A class of its own, so
 * that a backend that is no worker and starts none never reads these addresses.
 */
final class ServerWorkers {
    private static final long WAIT_LATCH = Facts.get("fn.pgj_bgw_wait_latch");
    private static final long SIGNALS = Facts.get("fn.pgj_bgw_signals");
    private static final long CONTINUE = Facts.get("fn.pgj_bgw_worker_continue");
    private static final long ATTACH_SIGNALS = Facts.get("fn.pgj_bgw_attach_signals");
    private static final long DEFAULT_SIGNALS = Facts.get("fn.pgj_bgw_default_signals");
    private static final long BEGIN = Facts.get("fn.pgj_bgw_begin");
    private static final long COMMIT = Facts.get("fn.pgj_bgw_commit");
    private static final long ABORT = Facts.get("fn.pgj_bgw_abort");
    private static final long CONNECT = Facts.get("fn.BackgroundWorkerInitializeConnection");
    private static final long CONNECT_BY_OID = Facts.get("fn.BackgroundWorkerInitializeConnectionByOid");
    private static final long REGISTER = Facts.get("fn.pgj_bgw_register");
    private static final long GET_PID = Facts.get("fn.GetBackgroundWorkerPid");
    private static final long WAIT_STARTUP = Facts.get("fn.WaitForBackgroundWorkerStartup");
    private static final long WAIT_SHUTDOWN = Facts.get("fn.WaitForBackgroundWorkerShutdown");
    private static final long TERMINATE = Facts.get("fn.TerminateBackgroundWorker");

    private ServerWorkers() {
    }

    /** The PGJ_* signal flags, clearing the test-and-clear ones in {@code clear}. */
    @CFunction(value = "int32 pgj_bgw_signals(int32)", call = CFunction.Call.DIRECT)
    static int signals(int clear) {
        return (int) Native.direct(SIGNALS, clear);
    }

    /** SIGTERM sets a flag (PGJ_SIGTERM_RECEIVED in {@code flags}) or terminates. */
    @CFunction(value = "void pgj_bgw_attach_signals(int32)", call = CFunction.Call.DIRECT)
    static void attachSignals(int flags) {
        Native.direct(ATTACH_SIGNALS, flags);
    }

    /** A worker that has not attached keeps PostgreSQL's SIGTERM from now on. */
    @CFunction(value = "void pgj_bgw_default_signals(void)", call = CFunction.Call.DIRECT)
    static void defaultSignals() {
        Native.direct(DEFAULT_SIGNALS);
    }

    /** Waits on the latch (a negative timeout: without one); false on SIGTERM or postmaster death. */
    @CFunction("bool pgj_bgw_wait_latch(int64)")
    static boolean waitLatch(long timeoutMillis) {
        return (Guard.call(WAIT_LATCH, timeoutMillis) & 0xFF) != 0;
    }

    /** False on SIGTERM or postmaster death; reloads the configuration after a SIGHUP. */
    @CFunction("bool pgj_bgw_worker_continue(void)")
    static boolean workerContinue() {
        return (Guard.call(CONTINUE) & 0xFF) != 0;
    }

    @CFunction("void pgj_bgw_begin(void)")
    static void begin() {
        Guard.call(BEGIN);
    }

    @CFunction("void pgj_bgw_commit(void)")
    static void commit() {
        Guard.call(COMMIT);
    }

    /** Rolls back while the error that failed the body is unhandled, so not guarded: a guard code. */
    @CFunction(value = "int32 pgj_bgw_abort(void)", call = CFunction.Call.DIRECT)
    static int abort() {
        return (int) Native.direct(ABORT);
    }

    @CFunction(value = "void BackgroundWorkerInitializeConnection(const char *, const char *, uint32)",
            header = "postmaster/bgworker.h")
    static void initializeConnection(long database, long user, int flags) {
        Guard.call(CONNECT, database, user, flags);
    }

    @CFunction(value = "void BackgroundWorkerInitializeConnectionByOid(Oid, Oid, uint32)", header = "postmaster/bgworker.h")
    static void initializeConnectionByOid(int database, int user, int flags) {
        Guard.call(CONNECT_BY_OID, Integer.toUnsignedLong(database), Integer.toUnsignedLong(user), flags);
    }

    /** Registers a dynamic worker; its handle, or 0 when no worker slot is free. */
    @CFunction("BackgroundWorkerHandle *pgj_bgw_register(BackgroundWorker *, const PgjWorkerLaunch *)")
    static long register(long worker, long launch) {
        return Guard.call(REGISTER, worker, launch);
    }

    @CFunction(value = "BgwHandleStatus GetBackgroundWorkerPid(BackgroundWorkerHandle *, pid_t *)",
            header = "postmaster/bgworker.h")
    static int getPid(long handle, long pid) {
        return (int) Guard.call(GET_PID, handle, pid);
    }

    @CFunction(value = "BgwHandleStatus WaitForBackgroundWorkerStartup(BackgroundWorkerHandle *, pid_t *)",
            header = "postmaster/bgworker.h")
    static int waitForStartup(long handle, long pid) {
        return (int) Guard.call(WAIT_STARTUP, handle, pid);
    }

    @CFunction(value = "BgwHandleStatus WaitForBackgroundWorkerShutdown(BackgroundWorkerHandle *)",
            header = "postmaster/bgworker.h")
    static int waitForShutdown(long handle) {
        return (int) Guard.call(WAIT_SHUTDOWN, handle);
    }

    @CFunction(value = "void TerminateBackgroundWorker(BackgroundWorkerHandle *)", header = "postmaster/bgworker.h")
    static void terminate(long handle) {
        Guard.call(TERMINATE, handle);
    }
}
