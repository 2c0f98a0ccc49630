package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

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
 * The registry of {@link TypeMapping}s, and the planner that picks one for a declared Java
 * type and checks it against the SQL type. NULL handling comes from the declared type's
 * {@link Conversion.Shape}: primitives cannot hold NULL, boxed types and {@code Optional}
 * can, and {@code String}/{@code byte[]} can when marked {@link org.pgj.functions.Nullable}.
 */
public final class TypeMappings {
    private static final Map<Class<?>, TypeMapping> MAPPINGS = new HashMap<>();

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
                Native.findStatic(MethodHandles.lookup(), Datums.class, from, methodType(type, long.class)),
                Native.findStatic(MethodHandles.lookup(), Datums.class, to, methodType(long.class, type))));
    }

    /** Describes the function for error messages, e.g. {@code add_one(integer)}. */
    public interface Describer {
        String describe();

        String sqlTypeName(int oid);

        /** The function's OID: the row type of its OUT parameters when it returns RECORD. */
        default int functionOid() {
            return 0;
        }
    }

    /**
     * How a declared Java type (of a parameter, or of the result with {@code what} =
     * "result") travels as a Datum of {@code sqlType}; a clear error when it cannot.
     */
    public static Conversion conversion(Type declared, int sqlType, String what, Describer fn) {
        Class<?> raw = rawClass(declared);
        if (raw == void.class) {
            return new Conversion(raw, raw, null, Conversion.Shape.VOID);
        }
        boolean optional = raw == Optional.class;
        Class<?> valueType = optional ? optionalElement(declared, fn) : raw;
        TypeMapping mapping = mappingFor(valueType, sqlType, what, fn);
        Conversion.Shape shape = optional ? Conversion.Shape.OPTIONAL
                : raw.isPrimitive() ? Conversion.Shape.PRIMITIVE
                : isBoxed(raw) ? Conversion.Shape.BOXED
                : Conversion.Shape.REFERENCE;
        return new Conversion(raw, valueType, mapping, shape);
    }

    private static TypeMapping mappingFor(Class<?> javaType, int sqlType, String what, Describer fn) {
        if (javaType.isRecord()) {
            return RowMapping.mapping(javaType, sqlType, what, fn);
        }
        if (javaType.isArray() && !MAPPINGS.containsKey(javaType)) {
            return VariadicArrays.mapping(javaType, sqlType, what, fn);
        }
        Class<?> key = unboxed(javaType);
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

    /** The mapping of a Java value type (a box maps as its primitive), or null; SPI converts values with it. */
    public static TypeMapping forJavaType(Class<?> javaType) {
        return MAPPINGS.get(unboxed(javaType));
    }

    /** A mapping whose SQL types include {@code sqlType}, or null: how SPI reads a column of that type. */
    public static TypeMapping forSqlType(int sqlType) {
        for (TypeMapping mapping : MAPPINGS.values()) {
            if (mapping.sqlTypes().contains(sqlType)) {
                return mapping;
            }
        }
        return null;
    }

    /** The primitive type of a box ({@code Integer} → {@code int}); other types unchanged. */
    public static Class<?> unboxed(Class<?> c) {
        return MethodType.methodType(c).unwrap().returnType();
    }
}
