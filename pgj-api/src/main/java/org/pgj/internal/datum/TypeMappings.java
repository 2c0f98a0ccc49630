package org.pgj.internal.datum;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.aggregates.ObjectStates;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.types.AnyElement;
import org.pgj.types.Box;
import org.pgj.types.Inet;
import org.pgj.types.Internal;
import org.pgj.types.Interval;
import org.pgj.types.MappedBy;
import org.pgj.types.Numeric;
import org.pgj.types.Oid;
import org.pgj.types.Point;
import org.pgj.types.Range;
import org.pgj.types.RegClass;
import org.pgj.types.Tid;

/**
 * The registry of {@link TypeMapping}s, and the planner that picks one for a declared Java
 * type and checks it against the SQL type. NULL handling comes from the declared type's
 * {@link Conversion.Shape}: primitives cannot hold NULL, boxed types and {@code Optional}
 * can, and other reference types can when marked {@link org.pgj.functions.Nullable}.
 *
 * <p>A Java type may map to several SQL types, each with its own conversion (a String is text,
 * name, cstring, json...). Beyond the registry, the planner builds mappings for arrays and
 * lists, ranges, Jackson trees and {@link MappedBy} types from their parts; a domain maps as
 * its base type, with the domain's constraints checked on results; and a String takes any
 * other type in its text form.
 */
public final class TypeMappings {
    private static final Map<Class<?>, List<TypeMapping>> MAPPINGS = new HashMap<>();
    /** The Java type each SQL type is read as when the Java side does not say (polymorphic values). */
    private static final Map<Integer, TypeMapping> NATURAL = new HashMap<>();
    private static final Set<Integer> POLYMORPHIC = Set.of(Facts.getInt("ANYELEMENTOID"), Facts.getInt("ANYARRAYOID"),
            Facts.getInt("ANYCOMPATIBLEOID"), Facts.getInt("ANYCOMPATIBLEARRAYOID"), Facts.getInt("ANYNONARRAYOID"));
    /** The core types SPI reads as Java values; others it reads as text (see Values). */
    private static final Map<Integer, TypeMapping> SPI_NATURAL = new HashMap<>();
    private static final int BYTEA = Facts.getInt("BYTEAOID");
    private static final int JSON = Facts.getInt("JSONOID");
    private static final int JSONB = Facts.getInt("JSONBOID");

    private TypeMappings() {
    }

    static {
        int bool = Facts.getInt("BOOLOID");
        int int2 = Facts.getInt("INT2OID");
        int int4 = Facts.getInt("INT4OID");
        int int8 = Facts.getInt("INT8OID");
        int float4 = Facts.getInt("FLOAT4OID");
        int float8 = Facts.getInt("FLOAT8OID");
        register(boolean.class, Set.of(bool), Datums.class, "boolFrom", "boolTo");
        register(short.class, Set.of(int2), Datums.class, "int2From", "int2To");
        register(int.class, Set.of(int4), Datums.class, "int4From", "int4To");
        register(long.class, Set.of(int8), Datums.class, "int8From", "int8To");
        register(float.class, Set.of(float4), Datums.class, "float4From", "float4To");
        register(double.class, Set.of(float8), Datums.class, "float8From", "float8To");
        // text apart from varchar and bpchar: a String's own SQL type (what SPI sends it as) is text.
        register(String.class, Set.of(Facts.getInt("TEXTOID")), Varlena.class, "readText", "writeText");
        register(String.class, Set.of(Facts.getInt("VARCHAROID"), Facts.getInt("BPCHAROID")), Varlena.class, "readText",
                "writeText");
        register(byte[].class, Set.of(BYTEA), Varlena.class, "readBytes", "writeBytes");
        SPI_NATURAL.putAll(NATURAL);
    }

    private static boolean extendedRegistered;

    /**
     * The type families beyond the core ones, registered at the first need: a backend whose
     * functions take only core types never loads their classes, which keeps its first call fast.
     */
    private static synchronized void registerExtended() {
        if (extendedRegistered) {
            return;
        }
        extendedRegistered = true;
        registerNumbers();
        // Numeric before BigDecimal: as the natural type of numeric, it holds NaN too.
        register(Numeric.class, Set.of(Facts.getInt("NUMERICOID")), Numerics.class, "numericFrom", "numericTo");
        register(BigDecimal.class, Set.of(Facts.getInt("NUMERICOID")), Numerics.class, "bigDecimalFrom", "bigDecimalTo");
        register(Oid.class, Set.of(Facts.getInt("OIDOID")), Scalars.class, "oidFrom", "oidTo");
        register(Internal.class, Set.of(Facts.getInt("INTERNALOID")), Scalars.class, "internalFrom", "internalTo");
        register(long.class, Set.of(Facts.getInt("OIDOID")), Scalars.class, "oidAsLongFrom", "oidAsLongTo");
        register(byte.class, Set.of(Facts.getInt("CHAROID")), Scalars.class, "charFrom", "charTo");
        register(RegClass.class, Set.of(Facts.getInt("REGCLASSOID")), Scalars.class, "regclassFrom", "regclassTo");
        register(String.class, Set.of(Facts.getInt("NAMEOID")), Texts.class, "nameFrom", "nameTo");
        register(String.class, Set.of(Facts.getInt("CSTRINGOID")), Texts.class, "cstringFrom", "cstringTo");
        register(String.class, Set.of(JSON), Texts.class, "jsonFrom", "jsonTo");
        register(String.class, Set.of(JSONB), Texts.class, "jsonbFrom", "jsonbTo");
        register(ByteBuffer.class, Set.of(BYTEA), ByteViews.class, "viewFrom", "viewTo");
        registerView(ShortBuffer.class, ArrayViews.INT2_ARRAY, "int2ViewFrom", "int2ViewTo");
        registerView(IntBuffer.class, ArrayViews.INT4_ARRAY, "int4ViewFrom", "int4ViewTo");
        registerView(LongBuffer.class, ArrayViews.INT8_ARRAY, "int8ViewFrom", "int8ViewTo");
        registerView(FloatBuffer.class, ArrayViews.FLOAT4_ARRAY, "float4ViewFrom", "float4ViewTo");
        registerView(DoubleBuffer.class, ArrayViews.FLOAT8_ARRAY, "float8ViewFrom", "float8ViewTo");
        register(LocalDate.class, Set.of(Facts.getInt("DATEOID")), DateTimes.class, "dateFrom", "dateTo");
        register(LocalTime.class, Set.of(Facts.getInt("TIMEOID")), DateTimes.class, "timeFrom", "timeTo");
        register(OffsetTime.class, Set.of(Facts.getInt("TIMETZOID")), DateTimes.class, "timetzFrom", "timetzTo");
        register(LocalDateTime.class, Set.of(Facts.getInt("TIMESTAMPOID")), DateTimes.class, "timestampFrom", "timestampTo");
        register(OffsetDateTime.class, Set.of(Facts.getInt("TIMESTAMPTZOID")), DateTimes.class, "timestamptzFrom",
                "timestamptzTo");
        register(Instant.class, Set.of(Facts.getInt("TIMESTAMPTZOID")), DateTimes.class, "instantFrom", "instantTo");
        register(Interval.class, Set.of(Facts.getInt("INTERVALOID")), DateTimes.class, "intervalFrom", "intervalTo");
        register(UUID.class, Set.of(Facts.getInt("UUIDOID")), FixedLayouts.class, "uuidFrom", "uuidTo");
        register(Point.class, Set.of(Facts.getInt("POINTOID")), FixedLayouts.class, "pointFrom", "pointTo");
        register(Box.class, Set.of(Facts.getInt("BOXOID")), FixedLayouts.class, "boxFrom", "boxTo");
        register(Tid.class, Set.of(Facts.getInt("TIDOID")), FixedLayouts.class, "tidFrom", "tidTo");
        register(Inet.class, Set.of(Facts.getInt("INETOID")), Network.class, "inetFrom", "inetTo");
        register(Inet.class, Set.of(Facts.getInt("CIDROID")), Network.class, "cidrFrom", "cidrTo");
    }

    private static boolean numbersRegistered;

    /**
     * Every Java number type with every SQL number type, as the server's casts convert them (see
     * {@link NumberCasts}): a declared {@code @SqlType} may narrow or widen, and SPI and triggers
     * read and write a column with any of them. Registered at the first need, as the extended types.
     */
    private static synchronized void registerNumbers() {
        if (numbersRegistered) {
            return;
        }
        numbersRegistered = true;
        int int2 = Facts.getInt("INT2OID");
        int int4 = Facts.getInt("INT4OID");
        int int8 = Facts.getInt("INT8OID");
        int float4 = Facts.getInt("FLOAT4OID");
        int float8 = Facts.getInt("FLOAT8OID");
        register(short.class, Set.of(int4), NumberCasts.class, "int4AsShortFrom", "int2To", Datums.class);
        register(short.class, Set.of(int8), NumberCasts.class, "int8AsShortFrom", "int2To", Datums.class);
        register(short.class, Set.of(float8), NumberCasts.class, "float8AsShortFrom", "shortAsFloat8To");
        register(int.class, Set.of(int2), NumberCasts.class, "int2AsIntFrom", "int4AsInt2To");
        register(int.class, Set.of(int8), NumberCasts.class, "int8AsIntFrom", "int4To", Datums.class);
        register(int.class, Set.of(float8), NumberCasts.class, "float8AsIntFrom", "intAsFloat8To");
        register(long.class, Set.of(int2), NumberCasts.class, "int2AsLongFrom", "int8AsInt2To");
        register(long.class, Set.of(int4), NumberCasts.class, "int4AsLongFrom", "int8AsInt4To");
        register(float.class, Set.of(float8), NumberCasts.class, "float8AsFloatFrom", "floatAsFloat8To");
        register(double.class, Set.of(float4), NumberCasts.class, "float4AsDoubleFrom", "doubleAsFloat4To");
        register(double.class, Set.of(int2), NumberCasts.class, "int2AsDoubleFrom", "doubleAsInt2To");
        register(double.class, Set.of(int4), NumberCasts.class, "int4AsDoubleFrom", "doubleAsInt4To");
        register(double.class, Set.of(int8), NumberCasts.class, "int8AsDoubleFrom", "doubleAsInt8To");
    }

    /**
     * Adds a mapping; the public extension point for later type families. The first mapping
     * registered for a SQL type is its natural one; later ones (an int read as smallint) are not.
     */
    public static synchronized void register(TypeMapping mapping) {
        // Plain loops, no lambdas: this runs during a backend's first call, where each lambda costs.
        List<TypeMapping> list = MAPPINGS.get(mapping.javaType());
        if (list == null) {
            list = new ArrayList<>();
            MAPPINGS.put(mapping.javaType(), list);
        }
        list.add(mapping);
        for (Integer type : mapping.sqlTypes()) {
            NATURAL.putIfAbsent(type, mapping);
        }
    }

    /** A view of a primitive array: never the natural mapping of its array type, which SPI and polymorphic values read as lists. */
    private static synchronized void registerView(Class<?> type, int arrayType, String from, String to) {
        List<TypeMapping> list = MAPPINGS.get(type);
        if (list == null) {
            list = new ArrayList<>();
            MAPPINGS.put(type, list);
        }
        list.add(new TypeMapping(type, Set.of(arrayType),
                Native.findStatic(MethodHandles.lookup(), ArrayViews.class, from, methodType(type, long.class)),
                Native.findStatic(MethodHandles.lookup(), ArrayViews.class, to, methodType(long.class, type))));
    }

    private static void register(Class<?> type, Set<Integer> sqlTypes, Class<?> owner, String from, String to) {
        register(type, sqlTypes, owner, from, to, owner);
    }

    private static void register(Class<?> type, Set<Integer> sqlTypes, Class<?> fromOwner, String from, String to,
            Class<?> toOwner) {
        register(new TypeMapping(type, sqlTypes,
                Native.findStatic(MethodHandles.lookup(), fromOwner, from, methodType(type, long.class)),
                Native.findStatic(MethodHandles.lookup(), toOwner, to, methodType(long.class, type))));
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
        return conversion(declared, sqlType, -1, what, fn);
    }

    /**
     * As {@link #conversion(Type, int, String, Describer)}, for parameter {@code argument} (from
     * 0; -1 for the result), which a polymorphic type needs to find its actual type per call.
     */
    public static Conversion conversion(Type declared, int sqlType, int argument, String what, Describer fn) {
        Class<?> raw = rawClass(declared);
        if (raw == void.class) {
            return new Conversion(raw, raw, null, Conversion.Shape.VOID);
        }
        boolean optional = raw == Optional.class;
        Type value = optional ? optionalElement(declared, fn) : declared;
        TypeMapping mapping = rawClass(value) == AnyElement.class && POLYMORPHIC.contains(sqlType)
                ? Polymorphic.mapping(sqlType, argument, fn)
                : mappingFor(value, sqlType, what, fn);
        Conversion.Shape shape = optional ? Conversion.Shape.OPTIONAL
                : raw.isPrimitive() ? Conversion.Shape.PRIMITIVE
                : isBoxed(raw) ? Conversion.Shape.BOXED
                : Conversion.Shape.REFERENCE;
        return new Conversion(raw, rawClass(value), mapping, shape);
    }

    private static TypeMapping mappingFor(Type javaType, int sqlType, String what, Describer fn) {
        // A registered pair needs no server call: the first call of a backend with core types
        // then links no downcall (the first costs tens of milliseconds).
        TypeMapping direct = find(rawClass(javaType), sqlType);
        if (direct != null) {
            return direct;
        }
        int base = ServerTypes.getBaseType(sqlType);
        TypeMapping mapping = plan(javaType, base, what, fn);
        if (mapping == null) {
            registerExtended(); // for the hint: every SQL type the Java type has
            List<String> holds = new ArrayList<>();
            for (TypeMapping m : MAPPINGS.getOrDefault(unboxed(rawClass(javaType)), List.of())) {
                m.sqlTypes().stream().sorted().map(fn::sqlTypeName).forEach(holds::add);
            }
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                    "function " + fn.describe() + ": Java type " + javaType.getTypeName() + " of the " + what
                            + (holds.isEmpty() && !MAPPINGS.containsKey(unboxed(rawClass(javaType)))
                                    ? " has no pgj type mapping to SQL type " + fn.sqlTypeName(sqlType)
                                    : " cannot hold SQL type " + fn.sqlTypeName(sqlType)),
                    null, holds.isEmpty() ? null : "Declare the SQL type as " + String.join(" or ", holds) + ".");
        }
        return base == sqlType ? mapping : domainChecked(mapping, sqlType);
    }

    /** The mapping of a Java type to a SQL type that is not a domain, or null. */
    private static TypeMapping plan(Type javaType, int sqlType, String what, Describer fn) {
        Class<?> raw = rawClass(javaType);
        TypeMapping registered = find(raw, sqlType);
        if (registered != null) {
            return registered;
        }
        // Any object as internal is an aggregate's state that Java keeps.
        if (ObjectStates.keeps(raw, sqlType)) {
            return ObjectStates.mapping(raw);
        }
        if (raw.isArray() || raw == List.class) {
            return array(javaType, raw, sqlType, what, fn);
        }
        if (raw == Range.class) {
            int element = RangeCodec.elementType(sqlType);
            Type bound = typeArgument(javaType, fn);
            return element == 0 ? null : RangeCodec.mapping(sqlType, mappingFor(bound, element, what + " (range bound)", fn));
        }
        if (JsonTrees.isJsonNode(raw) && (sqlType == JSON || sqlType == JSONB)) {
            return JsonTrees.mapping(raw, sqlType);
        }
        MappedBy mappedBy = raw.getAnnotation(MappedBy.class);
        if (mappedBy != null) {
            TypeMapping carrier = mappingFor(UserMappings.carrier(mappedBy.value()), sqlType, what, fn);
            return UserMappings.mapping(raw, mappedBy, carrier, sqlType);
        }
        if (raw == String.class) {
            return textForm(sqlType);
        }
        if (BaseType.is(raw)) {
            return BaseType.mapping(raw, sqlType);
        }
        if (raw.isEnum()) {
            return EnumMapping.mapping(raw, sqlType);
        }
        // Any other record is a composite type.
        return raw.isRecord() ? RowMapping.mapping(raw, sqlType, what, fn) : null;
    }

    private static TypeMapping array(Type javaType, Class<?> raw, int sqlType, String what, Describer fn) {
        int element = ServerTypes.getElementType(sqlType);
        if (element == 0) {
            return null;
        }
        Type leaf;
        int depth = 0;
        if (raw == List.class) {
            leaf = typeArgument(javaType, fn);
            depth = 1;
        } else {
            // byte[] is one bytea, not an array of "char"; a generic component (Range<Integer>[]) keeps its type argument.
            Type c = javaType;
            while (rawClass(c).isArray() && !(rawClass(c) == byte[].class && element == BYTEA)) {
                c = c instanceof GenericArrayType g ? g.getGenericComponentType() : rawClass(c).getComponentType();
                depth++;
            }
            leaf = c;
        }
        if (raw == List.class && (rawClass(leaf) == List.class || rawClass(leaf).isArray() && rawClass(leaf) != byte[].class)) {
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe() + ": the " + what
                    + " is a " + javaType.getTypeName() + "; a multidimensional array is a Java array (Integer[][]), not a list of lists");
        }
        TypeMapping elementMapping = mappingFor(leaf, element, what + " (array element)", fn);
        Class<?> leafClass = rawClass(leaf);
        return new ArrayCodec(raw, leafClass, depth, raw == List.class, element, elementMapping).mapping(sqlType);
    }

    private static TypeMapping textForm(int sqlType) {
        MethodHandle out = Native.findStatic(MethodHandles.lookup(), TextForms.class, "out",
                methodType(String.class, int.class, long.class));
        MethodHandle in = Native.findStatic(MethodHandles.lookup(), TextForms.class, "in",
                methodType(long.class, int.class, String.class));
        return new TypeMapping(String.class, Set.of(sqlType), MethodHandles.insertArguments(out, 0, sqlType),
                MethodHandles.insertArguments(in, 0, sqlType));
    }

    /** Results of a domain type are checked against the domain's constraints, as PL/pgSQL does. */
    private static TypeMapping domainChecked(TypeMapping mapping, int domain) {
        MethodHandle check = MethodHandles.insertArguments(Native.findStatic(MethodHandles.lookup(), TypeMappings.class,
                "checkDomain", methodType(long.class, long.class, int.class)), 1, domain);
        TypeMapping checked = new TypeMapping(mapping.javaType(), Set.of(domain), mapping.fromDatum(),
                MethodHandles.filterReturnValue(mapping.toDatum(), check));
        DOMAIN_CHECKED.add(checked);
        return checked;
    }

    /** Mappings made by {@link #domainChecked}: their SQL type is a domain. */
    private static final Set<TypeMapping> DOMAIN_CHECKED = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /** Whether values written with {@code mapping} are of a domain type (so a NULL must be checked too). */
    public static boolean writesDomain(TypeMapping mapping) {
        return mapping != null && DOMAIN_CHECKED.contains(mapping);
    }

    private static long checkDomain(long datum, int domain) {
        ServerTypes.domainCheck(datum, false, domain, 0, 0);
        return datum;
    }

    /** A NULL result of a domain type: the domain's NOT NULL and CHECK constraints decide (23502, 23514). */
    public static void checkDomainNull(int domain) {
        ServerTypes.domainCheck(0, true, domain, 0, 0);
    }

    /**
     * The mapping a value of {@code sqlType} is read with when Java does not name a type: the
     * first registered, arrays as lists and ranges of such, else the text form.
     */
    public static TypeMapping natural(int sqlType) {
        return natural(sqlType, null);
    }

    static TypeMapping natural(int sqlType, Describer fn) {
        registerExtended();
        int base = ServerTypes.getBaseType(sqlType);
        TypeMapping known = NATURAL.get(base);
        if (known != null) {
            return known;
        }
        int element = ServerTypes.getElementType(base);
        if (element != 0) {
            return new ArrayCodec(List.class, Object.class, 1, true, element, natural(element, fn)).mapping(base);
        }
        int bound = RangeCodec.elementType(base);
        return bound != 0 ? RangeCodec.mapping(base, natural(bound, fn)) : textForm(base);
    }

    /**
     * The mapping that reads a value of {@code sqlType} as {@code target} when Java names only a
     * class (SPI's {@code get(n, Type.class)}): a registered one, or for {@code Range} and
     * {@code List} the natural one; null when there is none.
     */
    public static TypeMapping forRead(Class<?> target, int sqlType) {
        TypeMapping m = find(target, sqlType);
        if (m == null && target.isEnum()) {
            return EnumMapping.mapping(target, sqlType);
        }
        if (m == null && BaseType.is(target)) {
            return BaseType.mapping(target, sqlType);
        }
        if (m == null && (target == Range.class || target == List.class)) {
            m = natural(sqlType, null);
            return m.javaType() == target ? m : null;
        }
        return m;
    }

    /** The mapping that writes the Java value {@code v} as {@code sqlType}, or a clear error (42804). */
    static TypeMapping forValue(Object v, int sqlType, Describer fn) {
        TypeMapping m = writing(v, sqlType);
        if (m == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "function " + fn.describe() + ": a Java "
                    + v.getClass().getName() + " cannot be returned as " + fn.sqlTypeName(sqlType), null,
                    "Return a Java value of the type " + fn.sqlTypeName(sqlType) + " maps to, or its text form as a String.");
        }
        return m;
    }

    /**
     * The mapping that writes the non-null Java value {@code v} as {@code sqlType} (a String in
     * the type's text form, a domain checked), or null when there is none.
     */
    public static TypeMapping writing(Object v, int sqlType) {
        // A registered SQL type is no domain: the common case needs no server call.
        TypeMapping direct = find(v.getClass(), sqlType);
        if (direct != null) {
            return direct;
        }
        int base = ServerTypes.getBaseType(sqlType);
        TypeMapping m = find(v.getClass(), base);
        if (m == null && (v instanceof List<?> || v instanceof Range<?>)) {
            m = natural(base, null);
        }
        if (m == null && v instanceof String) {
            m = textForm(base);
        }
        if (m == null && BaseType.is(v.getClass())) {
            m = BaseType.mapping(v.getClass(), base);
        }
        if (m == null || !(m.javaType() == List.class || m.javaType() == Range.class || m.javaType() == String.class
                || unboxed(v.getClass()) == m.javaType())) {
            return null;
        }
        return base == sqlType ? m : domainChecked(m, sqlType);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return rawClass(a.getGenericComponentType()).arrayType();
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "unsupported Java type " + type.getTypeName());
    }

    private static Type typeArgument(Type declared, Describer fn) {
        if (declared instanceof ParameterizedType p && (p.getActualTypeArguments()[0] instanceof Class<?>
                || p.getActualTypeArguments()[0] instanceof ParameterizedType
                || p.getActualTypeArguments()[0] instanceof GenericArrayType)) {
            return p.getActualTypeArguments()[0];
        }
        throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION,
                "function " + fn.describe() + ": " + declared.getTypeName() + " needs a concrete type argument");
    }

    private static Type optionalElement(Type declared, Describer fn) {
        return typeArgument(declared, fn);
    }

    private static boolean isBoxed(Class<?> c) {
        return unboxed(c) != c;
    }

    /** A registered mapping of {@code javaType} (a box maps as its primitive) to {@code sqlType}, or null. */
    public static TypeMapping find(Class<?> javaType, int sqlType) {
        TypeMapping m = registered(javaType, sqlType);
        if (m == null && !numbersRegistered && unboxed(javaType).isPrimitive()) {
            registerNumbers();
            m = registered(javaType, sqlType);
        }
        if (m == null && !extendedRegistered) {
            registerExtended();
            m = registered(javaType, sqlType);
        }
        return m;
    }

    private static synchronized TypeMapping registered(Class<?> javaType, int sqlType) {
        for (TypeMapping m : MAPPINGS.getOrDefault(unboxed(javaType), List.of())) {
            if (m.sqlTypes().contains(sqlType)) {
                return m;
            }
        }
        return null;
    }

    /** The main mapping of a Java value type (a box maps as its primitive), or null; SPI converts values with it. */
    public static synchronized TypeMapping forJavaType(Class<?> javaType) {
        if (!MAPPINGS.containsKey(unboxed(javaType))) {
            registerExtended();
        }
        List<TypeMapping> mappings = MAPPINGS.get(unboxed(javaType));
        return mappings == null ? null : mappings.getFirst();
    }

    /** The mapping SPI reads a column of {@code sqlType} with, or null (it then reads the text form). */
    public static TypeMapping forSqlType(int sqlType) {
        return SPI_NATURAL.get(sqlType);
    }

    /** The primitive type of a box ({@code Integer} → {@code int}); other types unchanged. */
    public static Class<?> unboxed(Class<?> c) {
        return MethodType.methodType(c).unwrap().returnType();
    }

    /** The box of a primitive type ({@code int} → {@code Integer}); other types unchanged. */
    public static Class<?> boxed(Class<?> c) {
        return MethodType.methodType(c).wrap().returnType();
    }
}
