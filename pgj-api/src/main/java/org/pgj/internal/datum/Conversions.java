package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.ServerNames;

/**
 * The one way a {@link TypeMapping} is called by code that holds values as Objects or reads
 * single primitives: SPI arguments and result columns, trigger rows, polymorphic values. What a
 * type converts to is only ever its mapping in {@link TypeMappings}; generated invokers
 * (functions, aggregates) call the same mappings with static calls instead of these.
 */
public final class Conversions {
    // Concurrent: a result's rows may be read on any thread.
    private static final Map<MethodHandle, MethodHandle> READERS = new ConcurrentHashMap<>();
    private static final Map<MethodHandle, MethodHandle> WRITERS = new ConcurrentHashMap<>();
    /** A Java class's own SQL type (what a value is sent as when no type is given); 0 for none. */
    private static final ClassValue<Integer> OWN_SQL_TYPE = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            TypeMapping mapping = TypeMappings.forJavaType(type);
            return mapping != null && mapping.sqlTypes().size() == 1 ? mapping.sqlTypes().iterator().next() : 0;
        }
    };

    private Conversions() {
    }

    /** {@code mapping}'s read as {@code (long) -> Object}, for codecs of composite values (arrays, ranges, rows). */
    public static MethodHandle reader(TypeMapping mapping) {
        return READERS.computeIfAbsent(mapping.fromDatum(), mh -> mh.asType(methodType(Object.class, long.class)));
    }

    /** {@code mapping}'s write as {@code (Object) -> long}. */
    public static MethodHandle writer(TypeMapping mapping) {
        return WRITERS.computeIfAbsent(mapping.toDatum(), mh -> mh.asType(methodType(long.class, Object.class)));
    }

    /** A Datum as the Java value of {@code mapping}, boxed if primitive. */
    public static Object read(TypeMapping mapping, long datum) {
        try {
            return (Object) reader(mapping).invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /** A non-null Java value of {@code mapping}'s type (a box for a primitive) as a Datum, in the current memory context. */
    public static long write(TypeMapping mapping, Object value) {
        try {
            return (long) writer(mapping).invokeExact(value);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /**
     * The Datum of the non-null {@code value} as {@code sqlType}, in the current memory context:
     * by {@link TypeMappings#writing} (a registered mapping, a list, range or base type, a String
     * in the type's text form, a domain checked), or an enum as its label; 42804 naming
     * {@code what} ("argument $1") when the value cannot become that type.
     */
    public static long write(Object value, int sqlType, String what) {
        TypeMapping mapping = TypeMappings.writing(value, sqlType);
        if (mapping != null) {
            return write(mapping, value);
        }
        if (value instanceof Enum<?> e) {
            // The type's input function: any SQL type takes its text form, and an enum's is its label.
            return TextForms.in(sqlType, e.name());
        }
        throw new PgException(SqlState.DATATYPE_MISMATCH, what + " is a Java " + value.getClass().getName()
                + ", which cannot become type " + typeName(sqlType), null,
                "Pass a Java type that maps to it, or a String in its text form.");
    }

    /** The type as SQL names it ({@code integer}, {@code character varying}), for messages. */
    public static String typeName(int sqlType) {
        return ServerNames.formatTypeBe(sqlType);
    }

    /** The SQL type a value of {@code type} is sent as when no type is given: its first mapping's; 0 for none. */
    public static int ownSqlType(Class<?> type) {
        return OWN_SQL_TYPE.get(type);
    }

    // Unboxed reads for primitive getters; the mapping must be of that primitive type.

    public static boolean readBoolean(TypeMapping mapping, long datum) {
        try {
            return (boolean) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    public static short readShort(TypeMapping mapping, long datum) {
        try {
            return (short) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    public static int readInt(TypeMapping mapping, long datum) {
        try {
            return (int) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    public static long readLong(TypeMapping mapping, long datum) {
        try {
            return (long) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    public static float readFloat(TypeMapping mapping, long datum) {
        try {
            return (float) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    public static double readDouble(TypeMapping mapping, long datum) {
        try {
            return (double) mapping.fromDatum().invokeExact(datum);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
