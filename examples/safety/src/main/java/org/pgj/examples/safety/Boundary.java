package org.pgj.examples.safety;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import org.pgj.functions.PgFunction;

/**
 * Extension code that reaches for pgj's runtime, which reads and writes the whole address space
 * ({@code Native.ALL}) and calls any function pointer ({@code Guard}). It cannot compile against
 * it (pgj-api's module exports only the API), so it tries what compiled code still could: each
 * way fails at the module boundary.
 */
public final class Boundary {
    /** A class of the runtime's native boundary. */
    static final String NATIVE = "org.pgj.internal.nativecall.Native";

    private Boundary() {
    }

    /** A public field of a runtime class, read by reflection. */
    @PgFunction
    public static long readRuntimeByReflection() throws ReflectiveOperationException {
        Field all = Class.forName(NATIVE).getField("ALL");
        return ((java.lang.foreign.MemorySegment) all.get(null)).byteSize();
    }

    /** The same field made accessible first. */
    @PgFunction
    public static long forceRuntimeOpen() throws ReflectiveOperationException {
        Field all = Class.forName(NATIVE).getDeclaredField("ALL");
        all.setAccessible(true);
        return ((java.lang.foreign.MemorySegment) all.get(null)).byteSize();
    }

    /**
     * The runtime half of an API package, called by reflection: the hook dispatcher, given an
     * address of its choosing, would read a hook call there.
     */
    @PgFunction
    public static String dispatchHookByReflection() throws ReflectiveOperationException {
        Class.forName("org.pgj.internal.hooks.HookDispatcher").getMethod("dispatch", long.class).invoke(null, 8L);
        return "dispatched";
    }

    /** A private lookup in a runtime class. */
    @PgFunction
    public static String lookUpRuntimePrivately() throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(Class.forName(NATIVE), MethodHandles.lookup()).toString();
    }

    /**
     * A class compiled elsewhere against the runtime, as a jar built against an older pgj-api
     * would be: its {@code getstatic Native.ALL} fails to link.
     */
    @PgFunction
    public static long linkAgainstRuntime() throws ReflectiveOperationException {
        ClassDesc self = ClassDesc.of(Boundary.class.getPackageName() + ".LinkedAgainstRuntime");
        ClassDesc segment = ClassDesc.of("java.lang.foreign.MemorySegment");
        byte[] bytes = ClassFile.of().build(self, cls -> cls
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL)
                .withMethodBody("size", MethodTypeDesc.of(ConstantDescs.CD_long), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> code.getstatic(ClassDesc.of(NATIVE), "ALL", segment)
                                .invokeinterface(segment, "byteSize", MethodTypeDesc.of(ConstantDescs.CD_long))
                                .lreturn()));
        Class<?> linked = MethodHandles.lookup().defineClass(bytes);
        try {
            return (long) linked.getMethod("size").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Error) e.getCause();
        }
    }
}
