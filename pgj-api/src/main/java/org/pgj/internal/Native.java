package org.pgj.internal;

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
 * Raw memory and downcalls. Addresses are plain longs read through {@link #ALL}, one segment
 * spanning the address space, so hot paths allocate no segment objects.
 */
public final class Native {
    /** The whole address space: reads and writes take absolute addresses as offsets. */
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    static final Linker LINKER = Linker.nativeLinker();

    private Native() {
    }

    /** A downcall to a C function at {@code address}; {@code critical} ones never call back or block. */
    public static MethodHandle downcall(long address, FunctionDescriptor descriptor, boolean critical) {
        MemorySegment target = MemorySegment.ofAddress(address);
        return critical
                ? LINKER.downcallHandle(target, descriptor, Linker.Option.critical(false))
                : LINKER.downcallHandle(target, descriptor);
    }

    /** An upcall stub that lives as long as the backend. */
    public static long upcall(MethodHandle target, FunctionDescriptor descriptor) {
        return LINKER.upcallStub(target, descriptor, Arena.global()).address();
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

    /** Address of a server symbol (function or global); only the global scope sees them. */
    public static long lookupServerSymbol(String name) {
        try (Arena arena = Arena.ofConfined()) {
            long address = (long) lookupSymbol.invokeExact(arena.allocateFrom(name).address());
            if (address == 0) {
                throw new IllegalStateException("this server has no symbol " + name);
            }
            return address;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static MethodHandle lookupSymbol;

    static void init() {
        lookupSymbol = downcall(Facts.get("fn.pgj_lookup_symbol"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), false);
    }

    public static String readUtf8(long address, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, address, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
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
