package org.pgj.internal.datum;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.pgj.internal.nativecall.Native;

/**
 * What a call's conversions need beyond the Datum: the FunctionCallInfo (for the actual types
 * of polymorphic parameters), and the lifetime of views into server memory that its arguments
 * give (a {@code ByteBuffer} over a bytea), which are valid during the call and closed when it
 * returns, so a view kept longer throws {@code IllegalStateException} instead of reading freed
 * memory. Calls nest (a function may run SQL that calls another), so each call has its own
 * entry, and its arena is opened lazily. Only functions that need it are wrapped.
 */
public final class CallScope {
    private static Arena[] arenas = new Arena[8];
    private static long[] fcinfos = new long[8];
    /** Each entry's call number, so a value can tell the call it came from (see {@link #serial()}). */
    private static long[] serials = new long[8];
    private static long calls;
    private static int depth;

    private CallScope() {
    }

    /** The invoker of a function with views, wrapped: enter before, leave after. */
    public static MethodHandle around(MethodHandle invoker) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType longToLong = MethodType.methodType(long.class, long.class);
        MethodHandle enter = Native.findStatic(lookup, CallScope.class, "enter", longToLong);
        MethodHandle leave = Native.findStatic(lookup, CallScope.class, "leave", longToLong);
        return MethodHandles.filterReturnValue(MethodHandles.filterArguments(invoker, 0, enter), leave);
    }

    private static long enter(long fcinfo) {
        depth++;
        if (depth >= arenas.length) {
            arenas = java.util.Arrays.copyOf(arenas, arenas.length * 2);
            fcinfos = java.util.Arrays.copyOf(fcinfos, fcinfos.length * 2);
            serials = java.util.Arrays.copyOf(serials, serials.length * 2);
        }
        fcinfos[depth] = fcinfo;
        serials[depth] = ++calls;
        return fcinfo;
    }

    private static long leave(long result) {
        Arena arena = arenas[depth];
        if (arena != null) {
            arenas[depth] = null;
            arena.close();
        }
        depth--;
        return result;
    }

    /** The current call's FunctionCallInfo: polymorphic conversions ask it for the actual types, aggregate states for their context. */
    public static long fcinfo() {
        if (depth == 0) {
            throw new IllegalStateException("no function call is in progress");
        }
        return fcinfos[depth];
    }

    /**
     * The current call's number, unique in the backend: a Datum read in a call is valid while the
     * call's number is still the current one (0 outside any call).
     */
    static long serial() {
        return serials[depth];
    }

    /** The current call's arena (confined to the backend thread). */
    static Arena arena() {
        if (depth == 0) {
            throw new IllegalStateException("a view into server memory exists only during a function call");
        }
        Arena arena = arenas[depth];
        if (arena == null) {
            arena = Arena.ofConfined();
            arenas[depth] = arena;
        }
        return arena;
    }
}
