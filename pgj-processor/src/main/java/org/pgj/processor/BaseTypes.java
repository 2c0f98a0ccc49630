package org.pgj.processor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.BinaryCoercible;
import org.pgj.functions.CompositeType;
import org.pgj.functions.Parallel;
import org.pgj.functions.Security;
import org.pgj.functions.Volatility;
import org.pgj.internal.settings.SnakeCase;
import org.pgj.types.MappedBy;
import org.pgj.types.PgType;
import org.pgj.types.PgType.Alignment;
import org.pgj.types.PgType.Derive;

/**
 * {@code @PgType} classes as SQL base types: the type's name, and for each class, declared or
 * used, the functions, operators and operator classes of its {@link SqlBaseType}. The functions'
 * bodies name the class and the role ({@code 'com.example.Version::input'}); pgj's runtime
 * implements each role from the class's codec and its equals, compareTo and hashCode.
 */
final class BaseTypes {
    /** Roles of the I/O functions, in the order {@link SqlBaseType#definition} names them. */
    private static final List<String> IO_ROLES = List.of("input", "output", "receive", "send");
    /** {@code internalLength} of a variable-length type. */
    private static final int VARIABLE = -1;

    private final JavaTypeNames names;
    private final Reporter reporter;
    private final Map<String, SqlBaseType> created = new LinkedHashMap<>();
    private final Map<String, String> classBySqlName = new LinkedHashMap<>();
    /** Classes already reported, so that a type used by many functions is reported once. */
    private final Set<String> invalid = new java.util.HashSet<>();

    BaseTypes(JavaTypeNames names, Reporter reporter) {
        this.names = names;
        this.reporter = reporter;
    }

    /** The {@code @PgType} class behind {@code type}, if it is one. */
    static Optional<TypeElement> baseTypeOf(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement e
                && e.getAnnotation(PgType.class) != null) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The SQL name of a {@code @PgType} class's type, which the install script creates. */
    String used(TypeElement e) {
        PgType annotation = e.getAnnotation(PgType.class);
        String name = SnakeCase.unlessNamed(annotation.name(), e.getSimpleName().toString());
        String key = names.binaryName(e);
        if (created.containsKey(key) || invalid.contains(key)) {
            return name;
        }
        String other = classBySqlName.putIfAbsent(name, key);
        if (other != null && !other.equals(key)) {
            reporter.error(e, "@PgType " + key + " would be the type " + name + ", as " + other
                    + " is; name one with @PgType(name = \"...\")");
        } else if (CompositeTypes.isBuiltIn(name)) {
            reporter.error(e, "@PgType " + key + " would be the type " + name + ", which is the name of a built-in"
                    + " type that SQL would find first; name it with @PgType(name = \"...\")");
        } else if (check(e, key, annotation)) {
            created.put(key, define(e, key, name, EnumSet.copyOf(derived(annotation))));
            return name;
        }
        invalid.add(key);
        return name;
    }

    private static Set<Derive> derived(PgType annotation) {
        Set<Derive> derive = EnumSet.noneOf(Derive.class);
        derive.addAll(List.of(annotation.derive()));
        return derive;
    }

    private boolean check(TypeElement e, String key, PgType annotation) {
        boolean ok = true;
        if ((e.getKind() != ElementKind.CLASS && e.getKind() != ElementKind.RECORD)
                || e.getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error(e, "@PgType " + key + " must be a record or a concrete class: its values are made by its codec");
            ok = false;
        }
        if (e.getAnnotation(MappedBy.class) != null || e.getAnnotation(CompositeType.class) != null) {
            reporter.error(e, "@PgType " + key + " is a type of its own; it cannot also be @MappedBy or @CompositeType");
            ok = false;
        }
        ok &= checkStorage(e, key, annotation);
        Set<Derive> derive = derived(annotation);
        if ((derive.contains(Derive.ORD) || derive.contains(Derive.HASH)) && !derive.contains(Derive.EQ)) {
            reporter.error(e, "@PgType " + key + ": derive " + derive + " needs EQ too, because btree and hash operator"
                    + " classes are built on the = operator");
            ok = false;
        }
        if (derive.contains(Derive.ORD) && !comparableToItself(e)) {
            reporter.error(e, "@PgType " + key + ": derive ORD needs the class to implement Comparable<"
                    + e.getSimpleName() + ">, whose compareTo orders the values");
            ok = false;
        }
        if (e.getKind() == ElementKind.CLASS && derive.contains(Derive.EQ) && !declares(e, "equals")) {
            reporter.error(e, "@PgType " + key + ": derive EQ needs the class to override equals(Object);"
                    + " Object's compares identities, which no two values of a column share");
            ok = false;
        }
        if (e.getKind() == ElementKind.CLASS && derive.contains(Derive.HASH) && !declares(e, "hashCode")) {
            reporter.error(e, "@PgType " + key + ": derive HASH needs the class to override hashCode(),"
                    + " consistently with equals");
            ok = false;
        }
        if (ok && usesJson(annotation) && !names.exists("com.fasterxml.jackson.databind.ObjectMapper")) {
            reporter.warning(e, "@PgType " + key + " has no codec, so its text form is JSON by the extension's own"
                    + " Jackson, which is not on the class path: add com.fasterxml.jackson.core:jackson-databind to the"
                    + " extension's dependencies, or name a TypeCodec with @PgType(codec = ...)");
        }
        return ok;
    }

    /** Whether the type keeps the default codec (JSON); the class itself is not loadable here, only its mirror. */
    private static boolean usesJson(PgType annotation) {
        try {
            return annotation.codec() == org.pgj.types.TypeCodec.class;
        } catch (javax.lang.model.type.MirroredTypeException m) {
            return m.getTypeMirror().toString().equals("org.pgj.types.TypeCodec");
        }
    }

    private boolean comparableToItself(TypeElement e) {
        String self = names.binaryName(e);
        for (TypeElement c = e; c != null; c = superclass(c)) {
            for (TypeMirror i : c.getInterfaces()) {
                if (i instanceof DeclaredType d && names.of(d).equals("java.lang.Comparable")
                        && d.getTypeArguments().size() == 1 && names.of(d.getTypeArguments().getFirst()).equals(self)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the class or a superclass below Object declares a method of this name. */
    private static boolean declares(TypeElement e, String method) {
        for (TypeElement c = e; c != null && !c.getQualifiedName().contentEquals("java.lang.Object"); c = superclass(c)) {
            if (c.getEnclosedElements().stream().anyMatch(m -> m.getKind() == ElementKind.METHOD
                    && m.getSimpleName().contentEquals(method) && !m.getModifiers().contains(Modifier.ABSTRACT)
                    && ((ExecutableElement) m).getParameters().size() == (method.equals("equals") ? 1 : 0))) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement superclass(TypeElement e) {
        return e.getSuperclass() instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }

    private static SqlBaseType define(TypeElement e, String key, String name, Set<Derive> derive) {
        String type = SqlIdentifiers.quote(name);
        SourceOrder order = new SourceOrder(key, -3);
        List<SqlFunction> io = new ArrayList<>();
        List<String> ioArguments = List.of("cstring", type, "internal", type);
        List<String> ioResults = List.of(type, "cstring", type, "bytea");
        List<String> ioSuffixes = List.of("_in", "_out", "_recv", "_send");
        for (int i = 0; i < IO_ROLES.size(); i++) {
            io.add(function(e, key, name + ioSuffixes.get(i), IO_ROLES.get(i), List.of(ioArguments.get(i)),
                    ioResults.get(i), null));
        }
        List<SqlFunction> operators = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<String> pair = List.of(type, type);
        if (derive.contains(Derive.EQ)) {
            operators.add(function(e, key, name + "_eq", "eq", pair, "boolean", new SqlOperator("=", type, type, "=", "<>",
                    "eqsel", "eqjoinsel", derive.contains(Derive.HASH), derive.contains(Derive.ORD))));
            operators.add(function(e, key, name + "_ne", "ne", pair, "boolean",
                    comparison("<>", type, "<>", "=", "neq")));
        }
        if (derive.contains(Derive.ORD)) {
            operators.add(function(e, key, name + "_lt", "lt", pair, "boolean", comparison("<", type, ">", ">=", "scalarlt")));
            operators.add(function(e, key, name + "_le", "le", pair, "boolean", comparison("<=", type, ">=", ">", "scalarle")));
            operators.add(function(e, key, name + "_gt", "gt", pair, "boolean", comparison(">", type, "<", "<=", "scalargt")));
            operators.add(function(e, key, name + "_ge", "ge", pair, "boolean", comparison(">=", type, "<=", "<", "scalarge")));
            operators.add(function(e, key, name + "_cmp", "cmp", pair, "integer", null));
            classes.add("CREATE OPERATOR CLASS " + SqlIdentifiers.quote(name + "_ops") + " DEFAULT FOR TYPE " + type
                    + " USING btree AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 "
                    + SqlIdentifiers.quote(name + "_cmp") + "(" + type + ", " + type + ");");
        }
        if (derive.contains(Derive.HASH)) {
            operators.add(function(e, key, name + "_hash", "hash", List.of(type), "integer", null));
            classes.add("CREATE OPERATOR CLASS " + SqlIdentifiers.quote(name + "_ops") + " DEFAULT FOR TYPE " + type
                    + " USING hash AS OPERATOR 1 =, FUNCTION 1 " + SqlIdentifiers.quote(name + "_hash") + "(" + type + ");");
        }
        return new SqlBaseType(e, name, List.copyOf(io), List.copyOf(operators), List.copyOf(classes),
                storage(e.getAnnotation(PgType.class)), coercibleCasts(e, type), key, order);
    }

    /** The clauses of {@code CREATE TYPE} that say how a value is stored. */
    private static String storage(PgType annotation) {
        if (annotation.internalLength() == VARIABLE) {
            return "INTERNALLENGTH = VARIABLE, STORAGE = extended" + category(annotation);
        }
        return "INTERNALLENGTH = " + annotation.internalLength() + (annotation.passedByValue() ? ", PASSEDBYVALUE" : "")
                + (annotation.alignment() == Alignment.DEFAULT ? "" : ", ALIGNMENT = " + annotation.alignment().name().toLowerCase(Locale.ROOT))
                + category(annotation);
    }

    private static String category(PgType annotation) {
        return annotation.category().isEmpty() ? "" : ", CATEGORY = " + SqlIdentifiers.literal(annotation.category());
    }

    /** The type's {@code @BinaryCoercible} casts, each from or to the type. */
    private static List<SqlCast> coercibleCasts(TypeElement e, String type) {
        List<SqlCast> casts = new ArrayList<>();
        for (BinaryCoercible cast : e.getAnnotationsByType(BinaryCoercible.class)) {
            casts.add(cast.to().isBlank() ? new SqlCast(cast.from().trim(), type, cast.context())
                    : new SqlCast(type, cast.to().trim(), cast.context()));
        }
        return List.copyOf(casts);
    }

    /** What the server would refuse in the storage clauses and the binary-coercible casts, named at the class. */
    private boolean checkStorage(TypeElement e, String key, PgType annotation) {
        boolean ok = true;
        int length = annotation.internalLength();
        if (length != VARIABLE && length < 1) {
            reporter.error(e, "@PgType " + key + ": internalLength " + length + " is not a length; give the stored form's"
                    + " bytes (1 or more), or -1 for a variable length");
            ok = false;
        }
        if (annotation.passedByValue() && !List.of(1, 2, 4, 8).contains(length)) {
            reporter.error(e, "@PgType " + key + ": passedByValue needs internalLength 1, 2, 4 or 8 (a Datum holds"
                    + " at most 8 bytes), not " + length);
            ok = false;
        }
        if (length == VARIABLE && annotation.alignment() != Alignment.DEFAULT && annotation.alignment() != Alignment.INT4
                && annotation.alignment() != Alignment.DOUBLE) {
            reporter.error(e, "@PgType " + key + ": a variable-length value starts with a 4-byte header, so its alignment"
                    + " is INT4 or DOUBLE, not " + annotation.alignment());
            ok = false;
        }
        if (!annotation.category().isEmpty() && !annotation.category().matches("[A-Z]")) {
            reporter.error(e, "@PgType " + key + ": category \"" + annotation.category() + "\" must be one ASCII"
                    + " upper-case letter, such as \"N\" for a numeric type");
            ok = false;
        }
        for (BinaryCoercible cast : e.getAnnotationsByType(BinaryCoercible.class)) {
            if (cast.to().isBlank() == cast.from().isBlank()) {
                reporter.error(e, "@PgType " + key + ": @BinaryCoercible names the other type in exactly one of to and"
                        + " from, not " + (cast.to().isBlank() ? "neither" : "both"));
                ok = false;
            } else if (length == VARIABLE) {
                reporter.error(e, "@PgType " + key + ": @BinaryCoercible needs a fixed internalLength: a value of"
                        + " variable length is the codec's bytes, which no built-in type stores as they are");
                ok = false;
            }
        }
        return ok;
    }

    /** A comparison operator with its commutator, negator and the planner's estimators of that kind. */
    private static SqlOperator comparison(String symbol, String type, String commutator, String negator, String estimator) {
        return new SqlOperator(symbol, type, type, commutator, negator, estimator + "sel", estimator + "joinsel", false, false);
    }

    /** An immutable, strict, parallel-safe function that pgj's runtime implements for {@code role}. */
    private static SqlFunction function(TypeElement e, String key, String sqlName, String role, List<String> argumentTypes,
            String result, SqlOperator operator) {
        List<SqlFunction.Argument> arguments = new ArrayList<>();
        for (int i = 0; i < argumentTypes.size(); i++) {
            String argument = argumentTypes.size() == 1 ? "value" : i == 0 ? "a" : "b";
            arguments.add(new SqlFunction.Argument(argument, argumentTypes.get(i), null, SqlFunction.Mode.IN));
        }
        return new SqlFunction(e, false, "", sqlName, List.copyOf(arguments), result, Volatility.IMMUTABLE, true,
                Parallel.SAFE, OptionalDouble.empty(), Security.INVOKER, List.of(), List.of(), List.of(),
                key + "::" + role, new SourceOrder(key, -3), Optional.empty(), Optional.ofNullable(operator));
    }

    /** The name of the type the install script creates for {@code type} (a @PgType class), if any. */
    Optional<String> createdName(TypeMirror type) {
        return baseTypeOf(type).map(names::binaryName).map(created::get).map(SqlBaseType::name);
    }

    /** The types the install script creates. */
    List<SqlBaseType> created() {
        return List.copyOf(created.values());
    }
}
