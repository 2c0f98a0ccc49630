package org.pgj.examples.safety;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import org.pgj.functions.PgFunction;

/**
 * Wild writes: a fatal error of the JVM, which the postmaster must see as the crash it is, and
 * recover from by reinitialising shared memory.
 */
public final class Crashes {
    private Crashes() {
    }

    @PgFunction
    public static void writeAddressZeroWithUnsafe() throws ReflectiveOperationException {
        Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
        unsafe.putLong(0L, 42L);
    }

    @PgFunction
    public static void writeAddressZeroWithFfm() {
        MemorySegment.NULL.reinterpret(8).set(ValueLayout.JAVA_LONG, 0, 42L);
    }
}
