package org.pgj.spi;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.datum.BaseType;
import org.pgj.internal.datum.Datums;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.datum.Varlena;

/**
 * Java values to and from Datums for SPI. The types of the core mapping have direct paths;
 * any other type goes through {@link TypeMappings}, so a type family registered there is read
 * and written here with no change to SPI. A type without a mapping travels as its text form,
 * through the type's own input and output functions.
 */
final class Values {
    static final int BOOL = Facts.getInt("BOOLOID");
    static final int INT2 = Facts.getInt("INT2OID");
    static final int INT4 = Facts.getInt("INT4OID");
    static final int INT8 = Facts.getInt("INT8OID");
    static final int FLOAT4 = Facts.getInt("FLOAT4OID");
    static final int FLOAT8 = Facts.getInt("FLOAT8OID");
    static final int TEXT = Facts.getInt("TEXTOID");
    static final int VARCHAR = Facts.getInt("VARCHAROID");
    static final int BPCHAR = Facts.getInt("BPCHAROID");
    static final int BYTEA = Facts.getInt("BYTEAOID");
    // Concurrent: a row's values may be read on any thread.
    private static final Map<MethodHandle, MethodHandle> GENERIC_FROM = new ConcurrentHashMap<>();
    private static final Map<MethodHandle, MethodHandle> GENERIC_TO = new ConcurrentHashMap<>();

    private Values() {
    }

    /** The primitive type of a box ({@code Integer} → {@code int}), or {@code type} itself. */
    static Class<?> primitive(Class<?> type) {
        if (type == Integer.class) {
            return int.class;
        } else if (type == Long.class) {
            return long.class;
        } else if (type == Boolean.class) {
            return boolean.class;
        } else if (type == Double.class) {
            return double.class;
        } else if (type == Short.class) {
            return short.class;
        } else if (type == Float.class) {
            return float.class;
        } else if (type == Byte.class) {
            return byte.class;
        } else if (type == Character.class) {
            return char.class;
        }
        return type;
    }

    /** The box of a primitive type ({@code int} → {@code Integer}), or {@code type} itself. */
    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    static boolean isText(int type) {
        return type == TEXT || type == VARCHAR || type == BPCHAR;
    }

    /** The SQL type a Java value is sent as when no type is given. */
    static int inferredType(Object value, int position) {
        switch (value) {
            case Integer i -> {
                return INT4;
            }
            case Long l -> {
                return INT8;
            }
            case Short s -> {
                return INT2;
            }
            case Boolean b -> {
                return BOOL;
            }
            case Float f -> {
                return FLOAT4;
            }
            case Double d -> {
                return FLOAT8;
            }
            case String s -> {
                return TEXT;
            }
            case byte[] b -> {
                return BYTEA;
            }
            default -> {
                TypeMapping mapping = TypeMappings.forJavaType(value.getClass());
                if (mapping != null && mapping.sqlTypes().size() == 1) {
                    return mapping.sqlTypes().iterator().next();
                }
                throw new PgException(SqlState.DATATYPE_MISMATCH, "cannot tell the SQL type of argument $" + position
                        + ", a Java " + value.getClass().getName(), null,
                        "Give its type: Arg.of(\"<SQL type>\", value), with the value in that type's text form.");
            }
        }
    }

    /**
     * The Datum of {@code value} as SQL type {@code type}. Varlenas are allocated in the current
     * memory context; the text form of a value goes through {@code scratch}.
     */
    static long toDatum(Object value, int type, int position, Scratch scratch) {
        if (type == INT4) {
            return switch (value) {
                case Integer i -> i;
                case Short s -> s;
                case Long l -> fitting(l, Integer.MIN_VALUE, Integer.MAX_VALUE, type, position);
                default -> generic(value, type, position, scratch);
            };
        }
        if (type == INT8) {
            return switch (value) {
                case Long l -> l;
                case Integer i -> i;
                case Short s -> s;
                default -> generic(value, type, position, scratch);
            };
        }
        if (type == INT2) {
            return switch (value) {
                case Short s -> s;
                case Integer i -> fitting(i, Short.MIN_VALUE, Short.MAX_VALUE, type, position);
                case Long l -> fitting(l, Short.MIN_VALUE, Short.MAX_VALUE, type, position);
                default -> generic(value, type, position, scratch);
            };
        }
        if (type == FLOAT8) {
            return switch (value) {
                case Double d -> Datums.float8To(d);
                case Float f -> Datums.float8To(f);
                case Integer i -> Datums.float8To(i);
                case Short s -> Datums.float8To(s);
                default -> generic(value, type, position, scratch);
            };
        }
        if (type == FLOAT4 && value instanceof Float f) {
            return Datums.float4To(f);
        }
        if (type == BOOL && value instanceof Boolean b) {
            return Datums.boolTo(b);
        }
        if (isText(type) && value instanceof String s) {
            return Varlena.writeText(s);
        }
        if (type == BYTEA && value instanceof byte[] b) {
            return Varlena.writeBytes(b);
        }
        return generic(value, type, position, scratch);
    }

    private static long fitting(long v, long min, long max, int type, int position) {
        if (v < min || v > max) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "argument $" + position + " = " + v
                    + " is out of range for type " + typeName(type));
        }
        return v;
    }

    private static long generic(Object value, int type, int position, Scratch scratch) {
        TypeMapping mapping = TypeMappings.find(value.getClass(), type);
        if (mapping == null && BaseType.is(value.getClass())) {
            mapping = TypeMappings.forRead(value.getClass(), type);
        }
        if (mapping != null) {
            MethodHandle h = GENERIC_TO.computeIfAbsent(mapping.toDatum(),
                    mh -> mh.asType(methodType(long.class, Object.class)));
            try {
                return (long) h.invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
        if (value instanceof String || value instanceof Enum<?>) {
            // The type's own input function: any SQL type can take its text form (an enum's is its label).
            String text = value instanceof Enum<?> e ? e.name() : (String) value;
            return Guard.call(SpiNative.DATUM_IN, type, ServerText.toServer(scratch, text, "argument $" + position));
        }
        throw new PgException(SqlState.DATATYPE_MISMATCH, "argument $" + position + " is a Java "
                + value.getClass().getName() + ", which cannot become type " + typeName(type), null,
                "Pass a Java type that maps to it, or a String in its text form.");
    }

    /** The natural Java value of a by-reference Datum, copied out of server memory. */
    static Object fromReference(long datum, int type) {
        if (isText(type)) {
            return Varlena.readText(datum);
        }
        if (type == BYTEA) {
            return Varlena.readBytes(datum);
        }
        TypeMapping mapping = TypeMappings.forSqlType(type);
        return mapping != null ? fromDatum(mapping, datum) : textForm(datum, type);
    }

    /** The natural Java value of a by-value Datum: a box, or what {@code natural} reads for other types. */
    static Object fromValue(long datum, int type, Supplier<TypeMapping> natural) {
        if (type == INT4) {
            return (int) datum;
        }
        if (type == INT8) {
            return datum;
        }
        if (type == BOOL) {
            return datum != 0;
        }
        if (type == INT2) {
            return (short) datum;
        }
        if (type == FLOAT8) {
            return Datums.float8From(datum);
        }
        if (type == FLOAT4) {
            return Datums.float4From(datum);
        }
        return fromDatum(natural.get(), datum);
    }

    static Object fromDatum(TypeMapping mapping, long datum) {
        MethodHandle h = GENERIC_FROM.computeIfAbsent(mapping.fromDatum(),
                mh -> mh.asType(methodType(Object.class, long.class)));
        try {
            return (Object) h.invokeExact(datum);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A value of {@code type} from its text form, converted by {@code mapping}; the datum lives in scratch memory. */
    static Object fromText(TypeMapping mapping, String text, int type) {
        try (Scratch scratch = Scratch.open()) {
            long previous = scratch.enter();
            try {
                return fromDatum(mapping, Guard.call(SpiNative.DATUM_IN, type, ServerText.toServer(scratch, text, "value")));
            } finally {
                Scratch.leave(previous);
            }
        }
    }

    /** The value's text form, by its type's output function. */
    static String textForm(long datum, int type) {
        try (Scratch scratch = Scratch.open()) {
            long previous = scratch.enter();
            try {
                return ServerEncoding.readCString(Guard.call(SpiNative.DATUM_OUT, type, datum));
            } finally {
                Scratch.leave(previous);
            }
        }
    }

    /** The type as SQL names it ({@code integer}, {@code character varying}). */
    static String typeName(int type) {
        return ServerEncoding.readMessage(Guard.call(SpiNative.FORMAT_TYPE, type));
    }
}
