package org.pgj.internal.boot;

import java.nio.file.Path;
import org.pgj.errors.PgInterrupt;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.call.FunctionResolver;
import org.pgj.internal.call.FunctionTable;
import org.pgj.internal.call.SetCalls;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.fdw.ForeignDataWrappers;
import org.pgj.internal.hooks.HookDispatcher;
import org.pgj.internal.logging.JulConfig;
import org.pgj.internal.logging.ServerLogging;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Interrupts;
import org.pgj.internal.profiling.SessionProfile;
import org.pgj.internal.transactions.HeapTrim;
import org.pgj.internal.transactions.TransactionCallbacks;
import org.pgj.internal.workers.Workers;

/**
 * Entry points of the Java runtime for the native side (jvm_boot.c), called through JNI:
 * {@link #boot} once per backend right after the JVM is created, {@link #resolve} once per
 * function, {@link #invoke} for calls made before a function's FFM stub exists. Everything
 * else is set up lazily: a backend's first call pays only for what it needs.
 */
public final class Boot {
    private Boot() {
    }

    /**
     * Returns 1 when the runtime is ready. The database encoding comes with the facts, so that
     * the first call reads it without a downcall (linking the downcall shapes costs 20-50 ms).
     */
    public static long boot(String factNames, long[] factValues, int encoding, String encodingName) {
        Backend.bind(Thread.currentThread());
        HeapTrim.start();
        Facts.load(factNames, factValues);
        ServerEncoding.use(encoding, encodingName);
        FirstCallWarmup.start();
        ExtensionClassLoaders.init(Path.of(Facts.getString("str.sharedir")));
        ServerLogging.install();
        SessionProfile.startIfAsked();
        return 1;
    }

    /** See {@link FunctionResolver#resolve}. */
    public static long resolve(long fnOid, String prosrc, String dir, int[] argTypes, int retType, int flags,
            long stubSlot, int encoding) {
        return FunctionResolver.resolve(fnOid, prosrc, dir, argTypes, retType, flags, stubSlot, encoding);
    }

    /**
     * Runs a background worker's entry point, or only its shared-memory start-up callback
     * (bgworker.c); an exception is recorded, never thrown.
     */
    public static void runWorker(long launch, int argument, int encoding, boolean startupOnly) {
        try {
            ServerEncoding.use(encoding);
            Workers.run(launch, argument, startupOnly);
        } catch (Throwable t) {
            ErrorBridge.record(t);
        }
    }

    /** See {@link SetCalls#close}. */
    public static boolean closeSet(long set, boolean report) {
        return SetCalls.close(set, report);
    }

    /** From xact.c: see {@link TransactionCallbacks}. */
    public static boolean transactionEvent(int event, int sub, int parent, boolean report) {
        return TransactionCallbacks.event(event, sub, parent, report);
    }

    /**
     * From xact.c, at the end of every transaction: see {@link HeapTrim}, and the log lines other
     * threads wrote meanwhile ({@link ServerLogging}); nothing is thrown.
     */
    public static void transactionEnded() {
        try {
            HeapTrim.afterTransaction();
        } catch (Throwable t) {
            // only memory kept longer
        }
        try {
            ServerLogging.drainPending();
        } catch (Throwable t) {
            // the lines wait for the next drain
        }
        try {
            SessionProfile.writeIfRecording();
        } catch (Throwable t) {
            ServerLogging.warnLater("pgj.profile: " + t.getMessage());
        }
    }

    /** From call_handler.c, when log_min_messages or client_min_messages changed: see {@link JulConfig#followThresholds}; never throws. */
    public static void logThresholdsChanged() {
        try {
            JulConfig.followThresholds();
        } catch (Throwable t) {
            // JUL's levels stay as they were; its handler still filters every record
        }
    }

    /** See {@link org.pgj.internal.aggregates.ObjectStates#release}; nothing is thrown (it may run during an abort). */
    public static void releaseAggregateState(long handle) {
        try {
            org.pgj.internal.aggregates.ObjectStates.release(handle);
        } catch (Throwable t) {
            // a slot not released is only memory kept until the backend exits
        }
    }

    /** From setting_hooks.c: see {@link org.pgj.internal.settings.SettingHooks}; never throws. */
    public static int settingHook(long call) {
        try {
            return org.pgj.internal.settings.SettingHooks.run(call);
        } catch (Throwable t) {
            return 0;
        }
    }

    /** From hooks.c's emit_log hook: see {@link HookDispatcher#emitLog}; never throws. */
    public static void logHook(long edata, long active) {
        try {
            HookDispatcher.emitLog(edata, active);
        } catch (Throwable t) {
            // a log entry cannot fail
        }
    }

    /** From hooks.c: runs the extensions' query hooks; an error is recorded for the server to raise. */
    public static void hook(long call) {
        try {
            HookDispatcher.dispatch(call);
        } catch (Throwable t) {
            ErrorBridge.record(t);
        }
    }

    /**
     * From interrupts.c, on the interrupt watcher's thread: the error it throws into the
     * backend's Java code. The server raises the real error once Java has returned; this one only
     * unwinds the Java frames, so its stack trace (the watcher's) is left out.
     */
    public static Throwable asyncInterrupt(int kind) {
        PgInterrupt interrupt = Interrupts.of(kind);
        interrupt.setStackTrace(new StackTraceElement[0]);
        return interrupt;
    }

    /** From builds.c at a transaction boundary: see {@link ExtensionClassLoaders#replaced}; never throws. */
    public static boolean buildReplaced(String dir) {
        try {
            return ExtensionClassLoaders.replaced(dir);
        } catch (Throwable t) {
            return false;
        }
    }

    /** From fdw.c: see {@link ForeignDataWrappers#call}; an error is recorded, never thrown. */
    public static byte[] fdw(int op, long request, int length, int encoding) {
        return ForeignDataWrappers.call(op, request, length, encoding);
    }

    /** From fdw.c, per row: see {@link ForeignDataWrappers#next}. */
    public static long fdwNext(long scan) {
        return ForeignDataWrappers.next(scan);
    }

    /** From fdw.c, when the executor dropped a scan in an error; nothing is thrown. */
    public static void fdwAbandon(long scan) {
        try {
            ForeignDataWrappers.abandon(scan);
        } catch (Throwable t) {
            // the scan's memory is only freed at the backend's exit
        }
    }

    /** See {@link FunctionTable#invoke}. */
    public static long invoke(long function, long fcinfo) {
        return FunctionTable.invoke(function, fcinfo);
    }
}
