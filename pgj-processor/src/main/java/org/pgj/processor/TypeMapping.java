package org.pgj.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Optional<SqlType> row = CompositeTypes.record(type).map(r -> new SqlType(SqlIdentifiers.quote(composites.used(r).name()), false));
        return row.isPresent() ? row : Optional.ofNullable(TABLE.get(names.of(type)));
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
        TypeMirror element = args.getFirst();
        Optional<SqlType> row = CompositeTypes.record(element).map(r -> new SqlType(SqlIdentifiers.quote(composites.used(r).name()), true));
        return row.isPresent() ? row : Optional.ofNullable(TABLE.get(names.of(element)));
    }

    /** For the "unsupported type" error: every Java type this table accepts. */
    static String supported() {
        return String.join(", ", TABLE.keySet()) + ", " + OPTIONAL + "<T> of a reference type above"
                + ", records (composite types), void as a return type, and Stream<T>, Iterator<T> or Iterable<T>"
                + " of those as a set-returning one";
    }

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
