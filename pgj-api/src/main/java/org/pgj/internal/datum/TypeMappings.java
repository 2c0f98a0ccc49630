package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Facts;
import org.pgj.internal.Native;

/**
 * The registry of {@link TypeMapping}s and the builder of argument readers and result
 * writers, with NULL handling: primitives cannot hold NULL, boxed types and {@code Optional}
 * can, and {@code String}/{@code byte[]} can when the parameter is
 * {@link org.pgj.functions.Nullable}.
 */
public final class TypeMappings {
    private static final Map<Class<?>, TypeMapping> MAPPINGS = new HashMap<>();
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private TypeMappings() {
    }

    static {
        int bool = Facts.getInt("BOOLOID");
        int int2 = Facts.getInt("INT2OID");
        int int4 = Facts.getInt("INT4OID");
        int int8 = Facts.getInt("INT8OID");
        int float4 = Facts.getInt("FLOAT4OID");
        int float8 = Facts.getInt("FLOAT8OID");
        Set<Integer> textLike = Set.of(Facts.getInt("TEXTOID"), Facts.getInt("VARCHAROID"), Facts.getInt("BPCHAROID"));
        register(boolean.class, Set.of(bool), "boolFrom", "boolTo");
        register(short.class, Set.of(int2), "int2From", "int2To");
        register(int.class, Set.of(int4), "int4From", "int4To");
        register(long.class, Set.of(int8), "int8From", "int8To");
        register(float.class, Set.of(float4), "float4From", "float4To");
        register(double.class, Set.of(float8), "float8From", "float8To");
        MAPPINGS.put(String.class, new TypeMapping(String.class, textLike,
                Native.findStatic(MethodHandles.lookup(), Varlena.class, "readText", methodType(String.class, long.class)),
                Native.findStatic(MethodHandles.lookup(), Varlena.class, "writeText", methodType(long.class, String.class))));
        MAPPINGS.put(byte[].class, new TypeMapping(byte[].class, Set.of(Facts.getInt("BYTEAOID")),
                Native.findStatic(MethodHandles.lookup(), Varlena.class, "readBytes", methodType(byte[].class, long.class)),
                Native.findStatic(MethodHandles.lookup(), Varlena.class, "writeBytes", methodType(long.class, byte[].class))));
    }

    /** Adds a mapping; the public extension point for later type families. */
    public static void register(TypeMapping mapping) {
        MAPPINGS.put(mapping.javaType(), mapping);
    }

    private static void register(Class<?> type, Set<Integer> sqlTypes, String from, String to) {
        register(new TypeMapping(type, sqlTypes,
                Native.findStatic(MethodHandles.lookup(), TypeMappings.class, from, methodType(type, long.class)),
                Native.findStatic(MethodHandles.lookup(), TypeMappings.class, to, methodType(long.class, type))));
    }

    /** Describes the function for error messages, e.g. {@code add_one(integer)}. */
    public interface Describer {
        String describe();

        String sqlTypeName(int oid);
    }

    /**
     * {@code (long fcinfo) -> declared type} for parameter {@code index}.
     *
     * @param nullable whether the parameter may receive NULL (boxed, Optional or @Nullable)
     * @param strict whether the server already filters NULL arguments
     */
    public static MethodHandle reader(Type declared, int index, String name, int sqlType, boolean nullableAnnotation,
            boolean strict, Describer fn) {
        Class<?> raw = rawClass(declared);
        boolean optional = raw == Optional.class;
        Class<?> valueType = optional ? optionalElement(declared, fn) : raw;
        TypeMapping mapping = mappingFor(valueType, sqlType, "parameter " + name, fn);
        MethodHandle value = MethodHandles.filterReturnValue(
                MethodHandles.insertArguments(ARG, 1, index), mapping.fromDatum());
        MethodHandle isNull = MethodHandles.insertArguments(ARG_IS_NULL, 1, index);
        if (optional) {
            value = MethodHandles.filterReturnValue(value.asType(value.type().changeReturnType(Object.class)), OPTIONAL_OF);
            return MethodHandles.guardWithTest(isNull, constant(Optional.class, Optional.empty()), value);
        }
        value = value.asType(value.type().changeReturnType(raw));
        boolean canHoldNull = isBoxed(raw) || (!raw.isPrimitive() && nullableAnnotation);
        if (canHoldNull) {
            return MethodHandles.guardWithTest(isNull, constant(raw, null), value);
        }
        if (strict) {
            return value;
        }
        String message = "function " + fn.describe() + ": parameter " + name + " cannot be NULL";
        MethodHandle fail = MethodHandles.dropArguments(
                MethodHandles.insertArguments(THROW_NULL, 0, message).asType(methodType(raw)), 0, long.class);
        return MethodHandles.guardWithTest(isNull, fail, value);
    }

    /**
     * {@code (long fcinfo, R) -> long} for a result of the declared type, or
     * {@code (long fcinfo) -> long} for void.
     */
    public static MethodHandle writer(Type declared, int sqlType, Describer fn) {
        Class<?> raw = rawClass(declared);
        if (raw == void.class) {
            return MethodHandles.dropArguments(MethodHandles.constant(long.class, 0L), 0, long.class);
        }
        boolean optional = raw == Optional.class;
        Class<?> valueType = optional ? optionalElement(declared, fn) : raw;
        TypeMapping mapping = mappingFor(valueType, sqlType, "result", fn);
        MethodHandle toDatum = mapping.toDatum();
        if (raw.isPrimitive()) {
            return MethodHandles.dropArguments(toDatum, 0, long.class);
        }
        // (long fcinfo, Object value) -> long, NULL when value is null
        MethodHandle convert = MethodHandles.dropArguments(
                toDatum.asType(methodType(long.class, Object.class)), 0, long.class);
        MethodHandle writer = MethodHandles.guardWithTest(IS_NULL_VALUE, SET_NULL, convert);
        if (optional) {
            writer = MethodHandles.filterArguments(writer, 1, OPTIONAL_OR_NULL);
        }
        return writer.asType(methodType(long.class, long.class, raw));
    }

    private static TypeMapping mappingFor(Class<?> javaType, int sqlType, String what, Describer fn) {
        Class<?> key = unboxed(javaType);
        if (key == String.class) {
            Varlena.refreshEncoding();
        }
        TypeMapping mapping = MAPPINGS.get(key);
        if (mapping == null) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                    "function " + fn.describe() + ": Java type " + javaType.getTypeName() + " of the " + what
                            + " has no pgj type mapping");
        }
        if (!mapping.sqlTypes().contains(sqlType)) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                    "function " + fn.describe() + ": Java type " + javaType.getTypeName() + " of the " + what
                            + " cannot hold SQL type " + fn.sqlTypeName(sqlType),
                    null, "Declare the SQL type as " + String.join(" or ",
                            mapping.sqlTypes().stream().sorted().map(fn::sqlTypeName).toList()) + ".");
        }
        return mapping;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "unsupported Java type " + type.getTypeName());
    }

    private static Class<?> optionalElement(Type declared, Describer fn) {
        if (declared instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                "function " + fn.describe() + ": Optional needs a concrete element type, not " + declared.getTypeName());
    }

    private static boolean isBoxed(Class<?> c) {
        return unboxed(c) != c;
    }

    private static Class<?> unboxed(Class<?> c) {
        return MethodType.methodType(c).unwrap().returnType();
    }

    private static MethodHandle constant(Class<?> type, Object value) {
        return MethodHandles.dropArguments(MethodHandles.constant(type, value), 0, long.class);
    }

    // --- the handles the builders compose ---

    private static final MethodHandle ARG = Native.findStatic(MethodHandles.lookup(), FcInfo.class, "arg", methodType(long.class, long.class, int.class));
    private static final MethodHandle ARG_IS_NULL = Native.findStatic(MethodHandles.lookup(), FcInfo.class, "argIsNull",
            methodType(boolean.class, long.class, int.class));
    private static final MethodHandle OPTIONAL_OF = Native.findStatic(MethodHandles.lookup(), Optional.class, "of",
            methodType(Optional.class, Object.class)).asType(methodType(Optional.class, Object.class));
    private static final MethodHandle OPTIONAL_OR_NULL;
    private static final MethodHandle IS_NULL_VALUE;
    private static final MethodHandle SET_NULL;
    private static final MethodHandle THROW_NULL;

    static {
        try {
            OPTIONAL_OR_NULL = MethodHandles.insertArguments(
                    LOOKUP.findVirtual(Optional.class, "orElse", methodType(Object.class, Object.class)), 1, (Object) null);
            IS_NULL_VALUE = LOOKUP.findStatic(TypeMappings.class, "isNullValue", methodType(boolean.class, long.class, Object.class));
            SET_NULL = LOOKUP.findStatic(TypeMappings.class, "setNull", methodType(long.class, long.class, Object.class));
            THROW_NULL = LOOKUP.findStatic(TypeMappings.class, "throwNull", methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean isNullValue(long fcinfo, Object value) {
        return value == null;
    }

    private static long setNull(long fcinfo, Object value) {
        FcInfo.setResultNull(fcinfo);
        return 0;
    }

    private static Object throwNull(String message) {
        throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, message);
    }

    // --- primitive conversions; Datum layouts as in postgres.h ---

    private static boolean boolFrom(long d) {
        return d != 0;
    }

    private static long boolTo(boolean b) {
        return b ? 1 : 0;
    }

    private static short int2From(long d) {
        return (short) d;
    }

    private static long int2To(short v) {
        return v;
    }

    private static int int4From(long d) {
        return (int) d;
    }

    private static long int4To(int v) {
        return v;
    }

    private static long int8From(long d) {
        return d;
    }

    private static long int8To(long v) {
        return v;
    }

    private static float float4From(long d) {
        return Float.intBitsToFloat((int) d);
    }

    private static long float4To(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static double float8From(long d) {
        return Double.longBitsToDouble(d);
    }

    private static long float8To(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
