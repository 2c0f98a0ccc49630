package org.pgj.internal.call;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.pgj.internal.nativecall.Native;

/**
 * The resolved functions of this backend, and how calls reach them.
 *
 * <p>The fast path is an FFM upcall stub per function, written into the native side's slot
 * for it. Linking the first FFM stub of a JVM takes tens of milliseconds, so calls come through
 * JNI ({@link #invoke}), which needs no set-up, until a background thread has linked one. That
 * thread starts once the backend has made {@link #LINK_AFTER_CALLS} calls: linking costs 10-20 ms
 * of CPU, which a connection that calls Java a few times would never win back at ~40 ns a call
 * (docs/internals.md, "The cost of a connection"). A backend's first call thus never waits for
 * the FFM linker, and a hot function moves to the fast path within its first query's rows.
 */
public final class FunctionTable {
    private static final FunctionDescriptor STUB = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);
    private static final List<Function> FUNCTIONS = new ArrayList<>();
    /**
     * {@code -Dpgj.callPath=jni} keeps every call on JNI and {@code ffm} links the FFM stub
     * before the first call; both exist so tests cover each path deterministically.
     */
    private static final String CALL_PATH = System.getProperty("pgj.callPath", "auto");
    /**
     * JNI calls before the FFM linker starts: at most ~0.4 ms of JNI's extra cost before it, and
     * {@code -Dpgj.ffmLinkAfterCalls=1} links right after the first call, as before (the bench compares both).
     */
    private static final long LINK_AFTER_CALLS = Long.getLong("pgj.ffmLinkAfterCalls", 10_000);
    private static volatile boolean linkerReady;
    private static boolean linkerStarted;
    /** Calls through JNI so far; only the backend thread calls. */
    private static long jniCalls;

    private FunctionTable() {
    }

    /** A resolved function: its invoker and the native slot its stub goes into. */
    private static final class Function {
        final MethodHandle invoker;
        final long stubSlot;
        boolean stubbed;

        Function(MethodHandle invoker, long stubSlot) {
            this.invoker = invoker;
            this.stubSlot = stubSlot;
        }
    }

    /**
     * Links the FFM upcall and downcall shapes on a background thread; it calls no server
     * code. Started after a call has returned, so that it does not compete with one for the CPU.
     */
    private static void prepareLinkerInBackground() {
        if (linkerStarted || CALL_PATH.equals("jni")) {
            return;
        }
        linkerStarted = true;
        if (CALL_PATH.equals("ffm")) {
            Native.link();
            linkerReady = true;
            return;
        }
        Thread.ofPlatform().daemon().name("pgj-ffm-linker").start(() -> {
            try {
                Native.upcall(MethodHandles.lookup().findStatic(FunctionTable.class, "identity",
                        methodType(long.class, long.class)), STUB);
                Native.link();
                linkerReady = true;
            } catch (Throwable t) {
                // Calls keep using JNI; the next resolution tries again on the backend thread.
            }
        });
    }

    private static long identity(long value) {
        return value;
    }

    /** Registers a resolved function; returns its handle for the native side (never 0). */
    static long add(MethodHandle invoker, long stubSlot) {
        if (CALL_PATH.equals("ffm")) {
            prepareLinkerInBackground();
        }
        Function f = new Function(invoker, stubSlot);
        FUNCTIONS.add(f);
        tryFastPath(f);
        return FUNCTIONS.size();
    }

    /** A call through JNI, until the function's stub exists. */
    public static long invoke(long handle, long fcinfo) {
        Function f = FUNCTIONS.get((int) handle - 1);
        long result;
        try {
            result = (long) f.invoker.invokeExact(fcinfo);
        } catch (Throwable t) {
            // The invoker records what the user code throws; this is the invocation itself failing.
            ErrorBridge.record(t);
            return 0;
        }
        tryFastPath(f);
        if (++jniCalls >= LINK_AFTER_CALLS) {
            prepareLinkerInBackground();
        }
        return result;
    }

    private static void tryFastPath(Function f) {
        if (!f.stubbed && linkerReady) {
            Native.writeLong(f.stubSlot, Native.upcall(f.invoker, STUB));
            f.stubbed = true;
        }
    }
}
