package org.pgj.internal.nativecall;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;

/**
 * Raw memory and the two downcall shapes. Addresses are plain longs read through
 * {@link #ALL}, one segment spanning the address space, so hot paths allocate no segment
 * objects. Every C function is reached through {@code pgj_guard_call} (may ereport) or
 * {@code pgj_direct_call} (never does): each extra FFM shape would cost tens of
 * milliseconds at a backend's first call, and the linker itself is set up only when first
 * needed.
 */
public final class Native {
    /** The whole address space: reads and writes take absolute addresses as offsets. */
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private Native() {
    }

    /** The two downcall shapes; NativeContractTest reads each handle as the address of its trampoline. */
    private static final class Linked {
        static final Linker LINKER = Linker.nativeLinker();
        static final MethodHandle GUARD = bind(Facts.get("fn.pgj_guard_call"), FunctionDescriptor.of(JAVA_INT,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
        static final MethodHandle DIRECT = bind(Facts.get("fn.pgj_direct_call"), FunctionDescriptor.of(JAVA_LONG,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));

        private static MethodHandle bind(long address, FunctionDescriptor descriptor) {
            return LINKER.downcallHandle(MemorySegment.ofAddress(address), descriptor);
        }
    }

    /** Links the downcall shapes now (they are otherwise linked on first use); calls nothing. */
    public static void link() {
        MethodHandle unused = Linked.DIRECT;
        unused = Linked.GUARD;
    }

    /** {@code pgj_guard_call(fn, a0..a5, result)}: the PG_TRY trampoline, see {@link Guard}. */
    @CFunction(value = "int32 pgj_guard_call(PgjAnyFunction, int64, int64, int64, int64, int64, int64, int64 *)",
            call = CFunction.Call.LINKED)
    static int guard(long fn, long a0, long a1, long a2, long a3, long a4, long a5, long result) {
        try {
            return (int) Linked.GUARD.invokeExact(fn, a0, a1, a2, a3, a4, a5, result);
        } catch (Throwable t) {
            throw new AssertionError("guarded downcall failed", t);
        }
    }

    /**
     * Calls a C function that never ereports, with up to six integer or pointer arguments.
     * A 32-bit result must be narrowed by the caller: the upper bits are undefined.
     */
    @CFunction(value = "int64 pgj_direct_call(PgjAnyFunction, int64, int64, int64, int64, int64, int64)",
            call = CFunction.Call.LINKED)
    public static long direct(long fn, long a0, long a1, long a2, long a3, long a4, long a5) {
        try {
            return (long) Linked.DIRECT.invokeExact(fn, a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            throw new AssertionError("direct downcall failed", t);
        }
    }

    public static long direct(long fn) {
        return direct(fn, 0, 0, 0, 0, 0, 0);
    }

    public static long direct(long fn, long a0) {
        return direct(fn, a0, 0, 0, 0, 0, 0);
    }

    public static long direct(long fn, long a0, long a1) {
        return direct(fn, a0, a1, 0, 0, 0, 0);
    }

    public static long direct(long fn, long a0, long a1, long a2) {
        return direct(fn, a0, a1, a2, 0, 0, 0);
    }

    /** An upcall stub that lives as long as the backend. */
    public static long upcall(MethodHandle target, FunctionDescriptor descriptor) {
        return Linked.LINKER.upcallStub(target, descriptor, Arena.global()).address();
    }

    /** A static method handle, looked up with the caller's {@code lookup} so private methods work. */
    public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type) {
        try {
            return lookup.findStatic(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(owner.getName() + "." + name, e);
        }
    }

    public static String readCString(long address) {
        return address == 0 ? null : new String(readCBytes(address), StandardCharsets.UTF_8);
    }

    /** The bytes of a NUL-terminated C string, without the NUL. */
    public static byte[] readCBytes(long address) {
        long end = address;
        while (ALL.get(ValueLayout.JAVA_BYTE, end) != 0) {
            end++;
        }
        byte[] bytes = new byte[(int) (end - address)];
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, address, bytes, 0, bytes.length);
        return bytes;
    }

    /** A NUL-terminated UTF-8 copy of {@code s} in {@code arena}; 0 for null. */
    public static long cString(Arena arena, String s) {
        return s == null ? 0 : arena.allocateFrom(s).address();
    }

    public static long readLong(long address) {
        return ALL.get(ValueLayout.JAVA_LONG, address);
    }

    public static void writeLong(long address, long value) {
        ALL.set(ValueLayout.JAVA_LONG, address, value);
    }
}
