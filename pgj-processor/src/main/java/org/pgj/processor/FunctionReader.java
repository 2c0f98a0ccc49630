package org.pgj.processor;

import org.pgj.internal.settings.SnakeCase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.Default;
import org.pgj.functions.Nullable;
import org.pgj.functions.OutParameters;
import org.pgj.functions.Parallel;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.PgCast;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.PgProcedure;
import org.pgj.functions.Security;
import org.pgj.functions.SqlType;
import org.pgj.functions.Strictness;
import org.pgj.functions.Volatility;
import org.pgj.triggers.PgTrigger;

/**
 * Reads one {@code @PgFunction} or {@code @PgProcedure} method into a {@link SqlFunction},
 * reporting on the method (or the parameter) whatever would make it unusable from SQL.
 */
final class FunctionReader {
    /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated, which can merge functions. */
    private static final int MAX_NAME_BYTES = 63;

    private final JavaTypeNames names;
    private final CompositeTypes composites;
    private final TypeMapping mapping;
    private final Reporter reporter;

    FunctionReader(JavaTypeNames names, CompositeTypes composites, Reporter reporter) {
        this.names = names;
        this.composites = composites;
        this.mapping = new TypeMapping(names, composites);
        this.reporter = reporter;
    }

    Optional<SqlFunction> read(ExecutableElement method) {
        // A method that is also a @PgTrigger is reported by TriggerReader.
        if (method.getAnnotation(PgTrigger.class) != null) {
            return Optional.empty();
        }
        PgFunction fn = method.getAnnotation(PgFunction.class);
        PgProcedure proc = method.getAnnotation(PgProcedure.class);
        if (fn != null && proc != null) {
            reporter.error(method, "@PgFunction method " + names.target(method) + " is also a @PgProcedure; a method is one or the other");
            return Optional.empty();
        }
        return read(method, fn == null ? Declaration.of(proc) : Declaration.of(fn));
    }

    /** A method as {@code a} declares it: a function, a procedure, or an aggregate's support function. */
    Optional<SqlFunction> read(ExecutableElement method, Declaration a) {
        // javac reports unresolved types itself; mapping them would only add noise.
        if (hasErrorType(method)) {
            return Optional.empty();
        }
        Reading r = new Reading(method, a, names.target(method));
        r.ok = checkCallable(method, r.what) & checkBuiltin(method, r.what, a);
        String sqlName = sqlName(r);
        boolean anyNullable = readParameters(r);
        String returnType = readReturnType(r);
        TypeMirror returned = method.getReturnType();
        boolean scalar = !a.procedure() && returned.getKind() != TypeKind.VOID && mapping.setElement(returned).isEmpty();
        Optional<SqlCast> cast = cast(method, r.what, r.arguments, scalar, returnType);
        Optional<SqlOperator> operator = operator(method, r.what, r.arguments, scalar, returned);
        r.ok &= (method.getAnnotation(PgCast.class) == null || cast.isPresent())
                && (method.getAnnotation(PgOperator.class) == null || operator.isPresent());
        if (a.unusedInternal()) {
            r.arguments.add(new SqlFunction.Argument("unused", "internal", null, SqlFunction.Mode.IN));
        }
        boolean strict = strict(a, anyNullable);
        OptionalDouble cost = cost(r);
        List<String> searchPath = searchPath(method, r.what, a.searchPath());
        List<String> requires = requires(method, r.what, a.requires());
        if (!r.ok || searchPath == null || requires == null) {
            return Optional.empty();
        }
        return Optional.of(new SqlFunction(method, a.procedure(), a.schema(), sqlName, List.copyOf(r.arguments), returnType,
                a.volatility(), strict, a.parallel(),
                cost, a.security(), searchPath, requires, List.copyOf(r.types.stream().distinct().toList()), r.target,
                sourceOrder(method), cast, operator));
    }

    /** One method being read: what it is, what has been read of it so far, and whether it is usable. */
    private static final class Reading {
        final ExecutableElement method;
        final Declaration a;
        final String target;
        final String what;
        final List<SqlFunction.Argument> arguments = new ArrayList<>();
        /** Composite types the function uses, which pgj creates, so the function comes after them. */
        final List<String> types = new ArrayList<>();
        boolean ok;

        Reading(ExecutableElement method, Declaration a, String target) {
            this.method = method;
            this.a = a;
            this.target = target;
            this.what = a.kind() + " method " + target;
        }
    }

    /** The SQL name (the method's in snake_case unless given), checked with the schema's. */
    private String sqlName(Reading r) {
        String sqlName = r.a.name().isEmpty() ? SnakeCase.of(r.method.getSimpleName().toString()) : r.a.name();
        r.ok &= checkName(r.method, r.what, "SQL name", sqlName);
        if (!r.a.schema().isEmpty()) {
            r.ok &= checkName(r.method, r.what, "schema", r.a.schema());
        }
        return sqlName;
    }

    /** The IN and VARIADIC arguments, with their defaults; whether any of them takes NULL. */
    private boolean readParameters(Reading r) {
        ExecutableElement method = r.method;
        Declaration a = r.a;
        String what = r.what;
        List<SqlFunction.Argument> arguments = r.arguments;
        List<String> types = r.types;
        boolean anyNullable = false;
        String firstDefault = null;
        for (VariableElement param : method.getParameters()) {
            boolean variadic = method.isVarArgs() && param == method.getParameters().getLast();
            Optional<TypeMapping.SqlType> type = a.javaState(param.asType(), names)
                    ? Optional.of(new TypeMapping.SqlType("internal", names.of(param.asType()).equals(TypeMapping.OPTIONAL)))
                    : variadic ? VariadicParameters.sqlType(mapping, param.asType()) : mapping.parameter(param.asType());
            if (type.isEmpty()) {
                reporter.error(param, what + ": parameter " + param.getSimpleName() + " has unsupported type "
                        + param.asType() + TypeMapping.SEE_SUPPORTED);
                r.ok = false;
                continue;
            }
            boolean markedNullable = param.getAnnotation(Nullable.class) != null;
            if (markedNullable && param.asType().getKind().isPrimitive()) {
                reporter.error(param, what + ": parameter " + param.getSimpleName() + " is @Nullable but "
                        + param.asType() + " cannot hold null; use its box or an Optional");
                r.ok = false;
            }
            boolean nullable = type.get().nullable() || markedNullable;
            anyNullable |= nullable;
            String sqlType = sqlTypeOverride(param, what).orElse(type.get().name());
            composites.createdName(param.asType()).ifPresent(types::add);
            Default dflt = param.getAnnotation(Default.class);
            String defaultValue = null;
            if (dflt != null) {
                Optional<String> problem = DefaultValues.check(dflt.value(), sqlType, nullable);
                if (problem.isPresent()) {
                    reporter.error(param, what + ": parameter " + param.getSimpleName() + " has @Default(\""
                            + dflt.value() + "\"), " + problem.get());
                    r.ok = false;
                }
                defaultValue = dflt.value().trim();
                firstDefault = firstDefault == null ? param.getSimpleName().toString() : firstDefault;
            } else if (firstDefault != null) {
                reporter.error(param, what + ": parameter " + param.getSimpleName() + " needs a @Default, as it comes after "
                        + firstDefault + ", which has one (SQL gives defaults only to trailing parameters)");
                r.ok = false;
            }
            arguments.add(new SqlFunction.Argument(SnakeCase.of(param.getSimpleName().toString()), sqlType, defaultValue,
                    variadic ? SqlFunction.Mode.VARIADIC : SqlFunction.Mode.IN));
        }
        return anyNullable;
    }

    /** The SQL return type: a scalar, SETOF, TABLE(...) of a record's components, or record with OUT arguments. */
    private String readReturnType(Reading r) {
        ExecutableElement method = r.method;
        Declaration a = r.a;
        String what = r.what;
        boolean procedure = a.procedure();
        List<SqlFunction.Argument> arguments = r.arguments;
        List<String> types = r.types;
        TypeMirror returned = method.getReturnType();
        Optional<TypeMirror> setElement = mapping.setElement(returned);
        // A set of records is a table of their components, not a set of their composite type.
        Optional<TypeElement> tableRow = setElement.flatMap(CompositeTypes::record);
        boolean outParameters = method.getAnnotation(OutParameters.class) != null;
        if (outParameters && setElement.isPresent()) {
            reporter.error(method, what + " has @OutParameters but returns a set; a set of records is RETURNS TABLE already");
            r.ok = false;
        }
        boolean outRow = outParameters && CompositeTypes.record(returned).isPresent();
        Optional<TypeMapping.SqlType> result = tableRow.isPresent() || outRow ? Optional.of(new TypeMapping.SqlType("record", false))
                : a.javaState(returned, names) ? Optional.of(new TypeMapping.SqlType("internal", false))
                : setElement.isPresent() ? mapping.parameter(setElement.get()) : mapping.result(returned);
        if (procedure && returned.getKind() != TypeKind.VOID) {
            reporter.error(method, what + " must return void: a procedure returns no value");
            r.ok = false;
        } else if (result.isEmpty()) {
            reporter.error(method, what + ": unsupported return type " + returned + TypeMapping.SEE_SUPPORTED);
            r.ok = false;
        }
        Optional<String> override = sqlTypeOverride(method, what);
        String returnType = override.orElse(result.map(TypeMapping.SqlType::name).orElse(""));
        if (setElement.isPresent()) {
            if (tableRow.isPresent() && override.isEmpty()) {
                returnType = "TABLE(" + table(method, what, tableRow.get(), arguments, types) + ")";
            } else {
                returnType = "SETOF " + returnType;
                composites.createdName(setElement.get()).ifPresent(types::add);
            }
        } else if (outParameters) {
            Optional<TypeElement> row = CompositeTypes.record(returned);
            if (row.isEmpty()) {
                reporter.error(method, what + " has @OutParameters, so it must return a record (its components are the"
                        + " OUT parameters), not " + returned);
                r.ok = false;
            } else {
                arguments.addAll(outParameters(method, what, row.get(), arguments, types));
                returnType = "record";
            }
        } else {
            composites.createdName(returned).ifPresent(types::add);
        }
        return returnType;
    }

    /** A {@code @BuiltinFunction} names a C function of the server, on a function (not a procedure). */
    private boolean checkBuiltin(ExecutableElement method, String what, Declaration a) {
        BuiltinFunction builtin = method.getAnnotation(BuiltinFunction.class);
        if (builtin == null) {
            return true;
        }
        if (a.procedure() || !a.kind().equals("@PgFunction")) {
            reporter.error(method, what + ": @BuiltinFunction needs a @PgFunction, whose body the built-in replaces");
            return false;
        }
        if (!builtin.value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            reporter.error(method, what + ": @BuiltinFunction(\"" + builtin.value() + "\") is not the C name of a built-in"
                    + " function; name one as pg_proc.prosrc has it, such as \"int8eq\"");
            return false;
        }
        return true;
    }

    /** Procedures are never strict: SQL has no STRICT for them. */
    private static boolean strict(Declaration a, boolean anyNullable) {
        return !a.procedure() && switch (a.strict()) {
            case STRICT -> true;
            case CALLED_ON_NULL_INPUT -> false;
            // pgrx's rule: Java only sees NULL where it declared it can take it.
            case INFER -> !anyNullable;
        };
    }

    /** The COST clause: none for a procedure or a negative cost (PostgreSQL's default). */
    private OptionalDouble cost(Reading r) {
        double cost = r.a.cost();
        if (r.a.procedure() || cost < 0) {
            return OptionalDouble.empty();
        }
        if (cost > 0 && Double.isFinite(cost)) {
            return OptionalDouble.of(cost);
        }
        reporter.error(r.method, r.what + ": cost " + cost + " must be a positive number, or negative to keep PostgreSQL's default");
        r.ok = false;
        return OptionalDouble.empty();
    }

    /** A searchPath attribute as a list, or null after reporting an empty entry. */
    List<String> searchPath(ExecutableElement method, String what, String text) {
        List<String> searchPath = splitList(text);
        if (searchPath.contains("")) {
            reporter.error(method, what + ": searchPath '" + text + "' has an empty entry");
            return null;
        }
        return searchPath;
    }

    /** A requires attribute, trimmed, or null after reporting an empty name. */
    List<String> requires(ExecutableElement method, String what, String[] required) {
        List<String> requires = Stream.of(required).map(String::trim).toList();
        if (requires.contains("")) {
            reporter.error(method, what + ": requires has an empty name");
            return null;
        }
        return requires;
    }

    /** Where the method stands in its class, which orders objects that nothing else orders. */
    SourceOrder sourceOrder(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        return new SourceOrder(names.binaryName(owner), owner.getEnclosedElements().indexOf(method));
    }

    /** The columns of {@code RETURNS TABLE} for a set of records: see {@link #columns}. */
    private String table(ExecutableElement method, String what, TypeElement row, List<SqlFunction.Argument> arguments,
            List<String> types) {
        return columns(method, what, row, arguments, types).stream()
                .map(c -> SqlIdentifiers.quote(c.name()) + " " + c.sqlType())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The OUT parameters of a record returned with {@code @OutParameters}: see {@link #columns}. */
    private List<SqlFunction.Argument> outParameters(ExecutableElement method, String what, TypeElement row,
            List<SqlFunction.Argument> arguments, List<String> types) {
        return columns(method, what, row, arguments, types).stream()
                .map(c -> new SqlFunction.Argument(c.name(), c.sqlType(), null, SqlFunction.Mode.OUT)).toList();
    }

    /**
     * Result columns from a record: one per component, named in snake_case. SQL refuses a column
     * named like a parameter, so that is an error here.
     */
    private List<SqlCompositeType.Column> columns(ExecutableElement method, String what, TypeElement row,
            List<SqlFunction.Argument> arguments, List<String> types) {
        List<SqlCompositeType.Column> columns = new ArrayList<>();
        for (RecordComponentElement component : row.getRecordComponents()) {
            String column = SnakeCase.of(component.getSimpleName().toString());
            if (arguments.stream().anyMatch(a -> a.name().equals(column))) {
                reporter.error(method, what + ": column " + column + " of the result (from record "
                        + names.binaryName(row) + ") has the name of a parameter, which SQL refuses; rename one");
            }
            Optional<TypeMapping.SqlType> type = mapping.parameter(component.asType());
            if (type.isEmpty()) {
                reporter.error(method, what + ": component " + component.getSimpleName() + " of record "
                        + names.binaryName(row) + " has unsupported type " + component.asType()
                        + TypeMapping.SEE_SUPPORTED);
                continue;
            }
            composites.createdName(component.asType()).ifPresent(types::add);
            columns.add(new SqlCompositeType.Column(column, type.get().name()));
        }
        return columns;
    }

    /** A {@code @PgCast}: a function of one parameter with a result of another type. */
    private Optional<SqlCast> cast(ExecutableElement method, String what, List<SqlFunction.Argument> arguments,
            boolean returnsValue, String returnType) {
        PgCast cast = method.getAnnotation(PgCast.class);
        if (cast == null) {
            return Optional.empty();
        }
        if (method.getParameters().size() != 1 || !returnsValue) {
            reporter.error(method, what + " is a @PgCast, so it must take exactly one parameter and return a single value"
                    + " (it takes " + method.getParameters().size() + (returnsValue ? "" : " and returns no single value") + ")");
            return Optional.empty();
        }
        if (arguments.size() != 1) {
            return Optional.empty(); // the parameter's type was reported
        }
        String source = arguments.getFirst().sqlType();
        if (TypeMapping.signatureForm(source).equals(TypeMapping.signatureForm(returnType))) {
            reporter.error(method, what + " is a @PgCast from " + source + " to the same type, which SQL refuses");
            return Optional.empty();
        }
        return Optional.of(new SqlCast(source, returnType, cast.context()));
    }

    /** A {@code @PgOperator}: a function of one (prefix) or two (binary) parameters that returns a value. */
    private Optional<SqlOperator> operator(ExecutableElement method, String what, List<SqlFunction.Argument> arguments,
            boolean returnsValue, TypeMirror returned) {
        PgOperator op = method.getAnnotation(PgOperator.class);
        if (op == null) {
            return Optional.empty();
        }
        int n = method.getParameters().size();
        boolean ok = true;
        if (n < 1 || n > 2 || !returnsValue) {
            reporter.error(method, what + " is a @PgOperator, so it must take one or two parameters and return a single"
                    + " value (it takes " + n + (returnsValue ? "" : " and returns no single value") + ")");
            return Optional.empty();
        }
        for (String symbol : List.of(op.value(), op.commutator(), op.negator())) {
            if (!symbol.isEmpty() && (symbol.length() > 63
                    || !symbol.chars().allMatch(c -> SqlOperator.SYMBOL_CHARS.indexOf(c) >= 0))) {
                reporter.error(method, what + ": '" + symbol + "' is not an operator name; use the characters "
                        + SqlOperator.SYMBOL_CHARS);
                ok = false;
            }
        }
        if (op.value().isEmpty()) {
            reporter.error(method, what + ": @PgOperator needs the operator's symbol");
            ok = false;
        }
        boolean binary = n == 2;
        boolean bool = returned.getKind() == TypeKind.BOOLEAN || names.of(returned).equals("java.lang.Boolean");
        if (!binary && (!op.commutator().isEmpty() || !op.negator().isEmpty() || !op.join().isEmpty()
                || op.hashes() || op.merges())) {
            reporter.error(method, what + ": a prefix @PgOperator (one parameter) cannot have a commutator, negator,"
                    + " join estimator, hashes or merges");
            ok = false;
        }
        if ((op.hashes() || op.merges() || !op.negator().isEmpty()) && !bool) {
            reporter.error(method, what + ": only a @PgOperator that returns boolean can have a negator, hashes or merges");
            ok = false;
        }
        if (!ok || arguments.size() != n) {
            return Optional.empty();
        }
        return Optional.of(new SqlOperator(op.value(), binary ? arguments.get(0).sqlType() : "",
                arguments.get(n - 1).sqlType(), op.commutator(), op.negator(), op.restrict().trim(), op.join().trim(),
                op.hashes(), op.merges()));
    }

    /**
     * What a method's annotation declares: {@code @PgFunction}, {@code @PgProcedure} (which has no
     * volatility, strictness, parallel safety or cost), or an aggregate's support role. An
     * aggregate whose state stays a Java object names its state type ({@code javaState}): that
     * type, bare or in an {@code Optional}, is {@code internal}; a deserializer takes an unused
     * {@code internal} after its bytes, as PostgreSQL requires.
     */
    record Declaration(String kind, String name, String schema, boolean procedure, Volatility volatility,
            Strictness strict, Parallel parallel, double cost, Security security, String searchPath, String[] requires,
            String javaStateType, boolean unusedInternal) {
        static Declaration of(PgFunction fn) {
            return new Declaration("@PgFunction", fn.name(), fn.schema(), false, fn.volatility(), fn.strict(),
                    fn.parallel(), fn.cost(), fn.security(), fn.searchPath(), fn.requires(), null, false);
        }

        static Declaration of(PgProcedure proc) {
            return new Declaration("@PgProcedure", proc.name(), proc.schema(), true, Volatility.VOLATILE,
                    Strictness.CALLED_ON_NULL_INPUT, Parallel.UNSAFE, -1, proc.security(), proc.searchPath(),
                    proc.requires(), null, false);
        }

        /** Whether {@code type} (or the {@code Optional} of it) is the Java-object state. */
        boolean javaState(TypeMirror type, JavaTypeNames names) {
            if (javaStateType == null) {
                return false;
            }
            return names.of(names.withoutOptional(type)).equals(javaStateType);
        }
    }

    /** The runtime calls the method by reflection from outside its package: it must be public and static all the way out. */
    boolean checkCallable(ExecutableElement method, String what) {
        boolean ok = true;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, what + " must be static");
            ok = false;
        }
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(method, what + " must be public");
            ok = false;
        }
        for (Element e = method.getEnclosingElement(); e instanceof TypeElement type; e = e.getEnclosingElement()) {
            NestingKind nesting = type.getNestingKind();
            if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
                reporter.error(method, what + " is in a local or anonymous class, which SQL cannot reach");
                return false;
            }
            if (!type.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(method, what + " is in " + names.binaryName(type)
                        + ", which is not public; every enclosing class must be public");
                ok = false;
            }
        }
        return ok;
    }

    boolean checkName(Element method, String what, String kind, String name) {
        if (name.isBlank()) {
            reporter.error(method, what + ": the " + kind + " is blank");
            return false;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            reporter.error(method, what + ": the " + kind + " '" + name + "' is longer than "
                    + MAX_NAME_BYTES + " bytes, PostgreSQL's limit; set a shorter one with name()");
            return false;
        }
        return true;
    }

    private Optional<String> sqlTypeOverride(Element element, String what) {
        SqlType override = element.getAnnotation(SqlType.class);
        if (override == null) {
            return Optional.empty();
        }
        if (override.value().isBlank()) {
            reporter.error(element, what + ": @SqlType is blank");
            return Optional.empty();
        }
        return Optional.of(override.value().trim());
    }

    static boolean hasErrorType(ExecutableElement method) {
        return Stream.concat(Stream.of(method.getReturnType()), method.getParameters().stream().map(Element::asType))
                .anyMatch(FunctionReader::isErroneous);
    }

    private static boolean isErroneous(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }

    /** Comma-separated items, trimmed; empty input gives an empty list. */
    static List<String> splitList(String text) {
        return text.isBlank() ? List.of() : Stream.of(text.split(",", -1)).map(String::trim).toList();
    }
}
