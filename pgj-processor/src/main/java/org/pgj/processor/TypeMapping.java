package org.pgj.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The table of Java types a function may take or return, and the SQL type each becomes. Later
 * type support extends {@link #TABLE}; the runtime must convert exactly the same set.
 */
final class TypeMapping {
    /** A Java type's SQL type, and whether a value of it can be SQL NULL (boxes can, primitives cannot). */
    record SqlType(String name, boolean nullable) {
    }

    static final String OPTIONAL = "java.util.Optional";

    /** Keyed by {@link JavaTypeNames#of}; in the order the error message lists them. */
    private static final Map<String, SqlType> TABLE = new LinkedHashMap<>();

    static {
        scalar("boolean", "java.lang.Boolean", "boolean");
        scalar("short", "java.lang.Short", "smallint");
        scalar("int", "java.lang.Integer", "integer");
        scalar("long", "java.lang.Long", "bigint");
        scalar("float", "java.lang.Float", "real");
        scalar("double", "java.lang.Double", "double precision");
        // A String or byte[] parameter is NULL-able only when marked @Nullable: pgrx's rule, so
        // that the common case stays STRICT and Java never sees a null it did not ask for.
        TABLE.put("java.lang.String", new SqlType("text", false));
        TABLE.put("byte[]", new SqlType("bytea", false));
        scalar("byte", "java.lang.Byte", "\"char\"");
        reference("java.nio.ByteBuffer", "bytea");
        // Zero-copy views of primitive arrays (see ArrayViews at run time).
        reference("java.nio.ShortBuffer", "smallint[]");
        reference("java.nio.IntBuffer", "integer[]");
        reference("java.nio.LongBuffer", "bigint[]");
        reference("java.nio.FloatBuffer", "real[]");
        reference("java.nio.DoubleBuffer", "double precision[]");
        reference("java.math.BigDecimal", "numeric");
        reference("org.pgj.types.Numeric", "numeric");
        reference("java.time.LocalDate", "date");
        reference("java.time.LocalTime", "time");
        reference("java.time.OffsetTime", "time with time zone");
        reference("java.time.LocalDateTime", "timestamp");
        reference("java.time.OffsetDateTime", "timestamp with time zone");
        reference("java.time.Instant", "timestamp with time zone");
        reference("org.pgj.types.Interval", "interval");
        reference("java.util.UUID", "uuid");
        reference("org.pgj.types.Inet", "inet");
        reference("org.pgj.types.Point", "point");
        reference("org.pgj.types.Box", "box");
        reference("org.pgj.types.Tid", "tid");
        reference("org.pgj.types.Oid", "oid");
        reference("org.pgj.types.RegClass", "regclass");
        // With @SqlType also anyarray, anycompatible, anycompatiblearray or anynonarray.
        reference("org.pgj.types.AnyElement", "anyelement");
        reference("org.pgj.types.Internal", "internal");
        // The extension's own Jackson: pgj-api does not depend on it (see JsonTrees at run time).
        reference("com.fasterxml.jackson.databind.JsonNode", "jsonb");
    }

    static final String LIST = "java.util.List";
    static final String RANGE = "org.pgj.types.Range";

    /** The range type of each bound type. */
    private static final Map<String, String> RANGES = Map.of(
            "java.lang.Integer", "int4range", "java.lang.Long", "int8range", "java.math.BigDecimal", "numrange",
            "java.time.LocalDate", "daterange", "java.time.LocalDateTime", "tsrange",
            "java.time.OffsetDateTime", "tstzrange", "java.time.Instant", "tstzrange");

    private static void reference(String javaType, String sql) {
        TABLE.put(javaType, new SqlType(sql, false));
    }

    /** PostgreSQL's own names for the aliases a signature may spell differently. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("bool", "boolean"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("decimal", "numeric"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("varbit", "bit varying"));

    private static void scalar(String primitive, String box, String sql) {
        TABLE.put(primitive, new SqlType(sql, false));
        TABLE.put(box, new SqlType(sql, true));
    }

    /** What a set-returning method may return: {@code RETURNS SETOF} its element type. */
    static final Set<String> SETS = Set.of("java.util.stream.Stream", "java.util.Iterator", "java.lang.Iterable");

    private final JavaTypeNames names;
    private final CompositeTypes composites;

    TypeMapping(JavaTypeNames names, CompositeTypes composites) {
        this.names = names;
        this.composites = composites;
        composites.use(this);
    }

    /** The SQL type of a parameter, or empty when the Java type is not supported. */
    Optional<SqlType> parameter(TypeMirror type) {
        if (isOptional(type)) {
            return optionalElement(type).map(t -> new SqlType(t.name(), true));
        }
        return value(type);
    }

    /**
     * A value type's SQL type: the table, arrays and lists of table types ({@code int[]},
     * {@code String[][]}, {@code List<Integer>} are SQL arrays), ranges, and types that name their
     * mapping with {@code @MappedBy}. Only boxes are nullable without {@code @Nullable}.
     */
    private Optional<SqlType> value(TypeMirror type) {
        SqlType known = TABLE.get(names.of(type));
        if (known != null) {
            return Optional.of(known);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
            // SQL array types do not count dimensions: int[][] is integer[]
            return value(component).map(t -> new SqlType(t.name().endsWith("[]") ? t.name() : t.name() + "[]", false));
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        String name = names.of(type);
        if (name.equals(LIST) && args.size() == 1 && args.getFirst().getKind() == TypeKind.DECLARED
                && !names.of(args.getFirst()).equals(LIST)) {
            return value(args.getFirst()).map(t -> new SqlType(t.name() + "[]", false));
        }
        if (name.equals(RANGE) && args.size() == 1 && args.getFirst().getKind() == TypeKind.DECLARED) {
            return Optional.ofNullable(RANGES.get(names.of(args.getFirst()))).map(r -> new SqlType(r, false));
        }
        org.pgj.types.MappedBy mappedBy = ((DeclaredType) type).asElement().getAnnotation(org.pgj.types.MappedBy.class);
        if (mappedBy != null && !mappedBy.sqlType().isBlank()) {
            return Optional.of(new SqlType(mappedBy.sqlType().trim(), false));
        }
        Optional<TypeElement> baseType = BaseTypes.baseTypeOf(type);
        if (baseType.isPresent()) {
            return Optional.of(new SqlType(SqlIdentifiers.quote(composites.baseTypes().used(baseType.get())), false));
        }
        Optional<TypeElement> javaEnum = EnumTypes.enumOf(type);
        if (javaEnum.isPresent()) {
            return Optional.of(new SqlType(SqlIdentifiers.quote(composites.enums().used(javaEnum.get())), false));
        }
        // Any other record is a composite type.
        return CompositeTypes.record(type).map(r -> new SqlType(SqlIdentifiers.quote(composites.used(r).name()), false));
    }

    /** The element type of a {@code Stream<T>}, {@code Iterator<T>} or {@code Iterable<T>}, or empty. */
    Optional<TypeMirror> setElement(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED || !SETS.contains(names.of(type))) {
            return Optional.empty();
        }
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        return args.size() == 1 && (args.getFirst().getKind() == TypeKind.DECLARED || args.getFirst().getKind() == TypeKind.ARRAY)
                ? Optional.of(args.getFirst()) : Optional.empty();
    }

    /** The SQL type of a result: a parameter type, or {@code void}. */
    Optional<SqlType> result(TypeMirror type) {
        if (type.getKind() == TypeKind.VOID) {
            return Optional.of(new SqlType("void", false));
        }
        return parameter(type);
    }

    private boolean isOptional(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && names.of(type).equals(OPTIONAL);
    }

    /** {@code Optional<X>} maps to X's type; a raw or wildcard Optional says nothing about X. */
    private Optional<SqlType> optionalElement(TypeMirror optional) {
        List<? extends TypeMirror> args = ((DeclaredType) optional).getTypeArguments();
        if (args.size() != 1 || args.getFirst().getKind() == TypeKind.WILDCARD
                || isOptional(args.getFirst())) {
            return Optional.empty();
        }
        return value(args.getFirst());
    }

    /** Whether a class maps to a SQL type of its own (the table, or @MappedBy), as opposed to a composite. */
    static boolean isMappedValueType(javax.lang.model.element.TypeElement type) {
        return TABLE.containsKey(type.getQualifiedName().toString()) || type.getAnnotation(org.pgj.types.MappedBy.class) != null
                || type.getAnnotation(org.pgj.types.PgType.class) != null;
    }

    /**
     * Ends every "unsupported type" error: where the supported types are listed. The list itself
     * (some 60 types) would bury the one type the error is about, once per error.
     */
    static final String SEE_SUPPORTED = "; the Java types pgj maps are listed in the README, section 3 (Types and NULL)";

    /**
     * The form PostgreSQL compares when it matches function signatures: type modifiers do not
     * count ({@code varchar(10)} is {@code varchar}) and aliases are the same type.
     */
    static String signatureForm(String sqlType) {
        String type = sqlType.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String array = "";
        while (type.endsWith("[]")) {
            array += "[]";
            type = type.substring(0, type.length() - 2).trim();
        }
        type = type.replaceAll("\\s*\\([^)]*\\)", "");
        return ALIASES.getOrDefault(type, type) + array;
    }
}
