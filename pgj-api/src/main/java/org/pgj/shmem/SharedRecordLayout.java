package org.pgj.shmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/** A record of primitives in shared memory: one 8-byte slot per component, in order. */
final class SharedRecordLayout<R extends Record> {
    private static final Map<Class<?>, ValueLayout> SLOTS = Map.of(long.class, ValueLayout.JAVA_LONG,
            int.class, ValueLayout.JAVA_INT, short.class, ValueLayout.JAVA_SHORT, byte.class, ValueLayout.JAVA_BYTE,
            boolean.class, ValueLayout.JAVA_BOOLEAN, double.class, ValueLayout.JAVA_DOUBLE,
            float.class, ValueLayout.JAVA_FLOAT, char.class, ValueLayout.JAVA_CHAR);

    private final VarHandle[] slots;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    private SharedRecordLayout(VarHandle[] slots, MethodHandle[] accessors, MethodHandle constructor) {
        this.slots = slots;
        this.accessors = accessors;
        this.constructor = constructor;
    }

    static <R extends Record> SharedRecordLayout<R> of(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length == 0) {
            throw new IllegalArgumentException(type.getName() + " is not a record with components");
        }
        VarHandle[] slots = new VarHandle[components.length];
        MethodHandle[] accessors = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                ValueLayout slot = SLOTS.get(types[i]);
                if (slot == null) {
                    throw new IllegalArgumentException(type.getName() + "." + components[i].getName() + " is a "
                            + types[i].getName() + "; a record in shared memory holds primitives only");
                }
                slots[i] = slot.varHandle();
                accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, components.length).asType(MethodType.methodType(Object.class, Object[].class));
            return new SharedRecordLayout<>(slots, accessors, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " must be a public record: " + e.getMessage(), e);
        }
    }

    long bytes() {
        return 8L * slots.length;
    }

    @SuppressWarnings("unchecked")
    R read(MemorySegment memory) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i].get(memory, 8L * i);
        }
        try {
            Object record = constructor.invokeExact(values);
            return (R) record;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    void write(MemorySegment memory, R value) {
        if (value == null) {
            throw new IllegalArgumentException("a record in shared memory cannot be null");
        }
        for (int i = 0; i < slots.length; i++) {
            try {
                Object v = (Object) accessors[i].invokeExact((Object) value);
                slots[i].set(memory, 8L * i, v);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
