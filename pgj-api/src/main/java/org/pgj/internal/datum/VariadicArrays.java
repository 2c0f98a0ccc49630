package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Facts;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;

/**
 * One-dimensional arrays of the mapped element types ({@code int[]}, {@code String[]},
 * {@code Integer[]}, ...), the least that {@code VARIADIC} parameters need: the server takes the
 * array apart and builds it (arrays.c), and each element converts through its own mapping. A
 * NULL element is {@code null}, and an error for a primitive element type. Consulted only for
 * array classes that no registered mapping covers.
 */
final class VariadicArrays {
    private static final long ELEMENTS = Facts.get("fn.pgj_array_elements");
    private static final long BUILD = Facts.get("fn.pgj_array_build");
    private static final long ELEMENT_TYPE = Facts.get("fn.get_element_type");
    private static final MethodHandle FROM = Native.findStatic(MethodHandles.lookup(), VariadicArrays.class, "fromDatum",
            methodType(Object.class, VariadicArrays.class, long.class));
    private static final MethodHandle TO = Native.findStatic(MethodHandles.lookup(), VariadicArrays.class, "toDatum",
            methodType(long.class, VariadicArrays.class, Object.class));

    private final Class<?> component;
    private final int elementType;
    private final String sqlTypeName;
    private final MethodHandle from;
    private final MethodHandle to;

    private VariadicArrays(Class<?> component, int elementType, String sqlTypeName, MethodHandle from, MethodHandle to) {
        this.component = component;
        this.elementType = elementType;
        this.sqlTypeName = sqlTypeName;
        this.from = from;
        this.to = to;
    }

    /** How array class {@code type} travels as array type {@code sqlType}; a clear error when it cannot. */
    static TypeMapping mapping(Class<?> type, int sqlType, String what, TypeMappings.Describer fn) {
        int element = (int) Guard.call(ELEMENT_TYPE, sqlType);
        if (element == 0) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe() + ": Java type "
                    + type.getTypeName() + " of the " + what + " cannot hold SQL type " + fn.sqlTypeName(sqlType)
                    + ", which is not an array type");
        }
        Conversion c = TypeMappings.conversion(type.getComponentType(), element, "element of the " + what, fn);
        VariadicArrays arrays = new VariadicArrays(type.getComponentType(), element, fn.sqlTypeName(sqlType),
                c.mapping().fromDatum().asType(methodType(Object.class, long.class)),
                c.mapping().toDatum().asType(methodType(long.class, Object.class)));
        return new TypeMapping(type, Set.of(sqlType), FROM.bindTo(arrays).asType(methodType(type, long.class)),
                TO.bindTo(arrays).asType(methodType(long.class, type)));
    }

    private static Object fromDatum(VariadicArrays arrays, long datum) throws Throwable {
        long values;
        long nulls;
        int count;
        try (Arena arena = Arena.ofConfined()) {
            long out = arena.allocate(16).address();
            count = (int) Guard.call(ELEMENTS, datum, out, out + 8);
            values = ALL.get(JAVA_LONG, out);
            nulls = ALL.get(JAVA_LONG, out + 8);
        }
        Object array = Array.newInstance(arrays.component, count);
        for (int i = 0; i < count; i++) {
            if (ALL.get(JAVA_BYTE, nulls + i) != 0) {
                if (arrays.component.isPrimitive()) {
                    throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "element " + (i + 1) + " of a " + arrays.sqlTypeName
                            + " is NULL, which Java type " + arrays.component + " cannot hold; use its box");
                }
                continue;
            }
            Array.set(array, i, arrays.from.invokeExact(ALL.get(JAVA_LONG, values + 8L * i)));
        }
        return array;
    }

    private static long toDatum(VariadicArrays arrays, Object array) throws Throwable {
        int count = Array.getLength(array);
        // Converted before any is written: a conversion may allocate in the server, never call back.
        long[] datums = new long[count];
        boolean[] isNull = new boolean[count];
        for (int i = 0; i < count; i++) {
            Object value = Array.get(array, i);
            isNull[i] = value == null;
            datums[i] = value == null ? 0 : (long) arrays.to.invokeExact(value);
        }
        long values = Varlena.palloc(Math.max(1, count) * 8L);
        long nulls = Varlena.palloc(Math.max(1, count));
        for (int i = 0; i < count; i++) {
            ALL.set(JAVA_LONG, values + 8L * i, datums[i]);
            ALL.set(JAVA_BYTE, nulls + i, (byte) (isNull[i] ? 1 : 0));
        }
        return Guard.call(BUILD, arrays.elementType, values, nulls, count, 0, 0);
    }
}
