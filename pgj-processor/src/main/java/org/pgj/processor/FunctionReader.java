package org.pgj.processor;

import org.pgj.internal.SnakeCase;
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
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.Nullable;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.functions.Security;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/**
 * Reads one {@code @PgFunction} or {@code @PgProcedure} method into a {@link SqlFunction},
 * reporting on the method (or the parameter) whatever would make it unusable from SQL.
 */
final class FunctionReader {
    /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated, which can merge functions. */
    private static final int MAX_NAME_BYTES = 63;

    private final JavaTypeNames names;
    private final TypeMapping mapping;
    private final Reporter reporter;

    FunctionReader(JavaTypeNames names, Reporter reporter) {
        this.names = names;
        this.mapping = new TypeMapping(names);
        this.reporter = reporter;
    }

    Optional<SqlFunction> read(ExecutableElement method) {
        // javac reports unresolved types itself; mapping them would only add noise.
        if (hasErrorType(method)) {
            return Optional.empty();
        }
        PgFunction fn = method.getAnnotation(PgFunction.class);
        PgProcedure proc = method.getAnnotation(PgProcedure.class);
        boolean procedure = fn == null;
        String target = names.target(method);
        String what = (procedure ? "@PgProcedure" : "@PgFunction") + " method " + target;
        boolean ok = checkCallable(method, what);
        if (fn != null && proc != null) {
            reporter.error(method, what + " is also a @PgProcedure; a method is one or the other");
            return Optional.empty();
        }
        Attributes a = procedure ? Attributes.of(proc) : Attributes.of(fn);

        String sqlName = a.name().isEmpty() ? SnakeCase.of(method.getSimpleName().toString()) : a.name();
        ok &= checkName(method, what, "SQL name", sqlName);
        if (!a.schema().isEmpty()) {
            ok &= checkName(method, what, "schema", a.schema());
        }

        List<SqlFunction.Argument> arguments = new ArrayList<>();
        boolean anyNullable = false;
        for (VariableElement param : method.getParameters()) {
            Optional<TypeMapping.SqlType> type = mapping.parameter(param.asType());
            if (type.isEmpty()) {
                reporter.error(param, what + ": parameter " + param.getSimpleName() + " has unsupported type "
                        + param.asType() + "; supported: " + TypeMapping.supported());
                ok = false;
                continue;
            }
            boolean markedNullable = param.getAnnotation(Nullable.class) != null;
            if (markedNullable && param.asType().getKind().isPrimitive()) {
                reporter.error(param, what + ": parameter " + param.getSimpleName() + " is @Nullable but "
                        + param.asType() + " cannot hold null; use its box or an Optional");
                ok = false;
            }
            anyNullable |= type.get().nullable() || markedNullable;
            String sqlType = sqlTypeOverride(param, what).orElse(type.get().name());
            arguments.add(new SqlFunction.Argument(SnakeCase.of(param.getSimpleName().toString()), sqlType));
        }

        Optional<TypeMapping.SqlType> result = mapping.result(method.getReturnType());
        if (procedure && method.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(method, what + " must return void: a procedure returns no value");
            ok = false;
        } else if (result.isEmpty()) {
            reporter.error(method, what + ": unsupported return type " + method.getReturnType()
                    + "; supported: " + TypeMapping.supported());
            ok = false;
        }
        String returnType = sqlTypeOverride(method, what).orElse(result.map(TypeMapping.SqlType::name).orElse(""));

        // Procedures are never strict: SQL has no STRICT for them.
        boolean strict = !procedure && switch (fn.strict()) {
            case STRICT -> true;
            case CALLED_ON_NULL_INPUT -> false;
            // pgrx's rule: Java only sees NULL where it declared it can take it.
            case INFER -> !anyNullable;
        };

        OptionalDouble cost = OptionalDouble.empty();
        if (procedure) {
            // no cost
        } else if (fn.cost() > 0 && Double.isFinite(fn.cost())) {
            cost = OptionalDouble.of(fn.cost());
        } else if (!(fn.cost() < 0)) {
            reporter.error(method, what + ": cost " + fn.cost()
                    + " must be a positive number, or negative to keep PostgreSQL's default");
            ok = false;
        }

        List<String> searchPath = splitList(a.searchPath());
        if (searchPath.contains("")) {
            reporter.error(method, what + ": searchPath '" + a.searchPath() + "' has an empty entry");
            ok = false;
        }
        List<String> requires = Stream.of(a.requires()).map(String::trim).toList();
        if (requires.contains("")) {
            reporter.error(method, what + ": requires has an empty name");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        SourceOrder order = new SourceOrder(names.binaryName(owner), owner.getEnclosedElements().indexOf(method));
        return Optional.of(new SqlFunction(method, procedure, a.schema(), sqlName, List.copyOf(arguments), returnType,
                procedure ? Volatility.VOLATILE : fn.volatility(), strict, procedure ? Parallel.UNSAFE : fn.parallel(),
                cost, a.security(), searchPath, requires, target, order));
    }

    /** What {@code @PgFunction} and {@code @PgProcedure} share. */
    private record Attributes(String name, String schema, Security security, String searchPath, String[] requires) {
        static Attributes of(PgFunction fn) {
            return new Attributes(fn.name(), fn.schema(), fn.security(), fn.searchPath(), fn.requires());
        }

        static Attributes of(PgProcedure proc) {
            return new Attributes(proc.name(), proc.schema(), proc.security(), proc.searchPath(), proc.requires());
        }
    }

    /** The runtime calls the method by reflection from outside its package: it must be public and static all the way out. */
    private boolean checkCallable(ExecutableElement method, String what) {
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

    private boolean checkName(Element method, String what, String kind, String name) {
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

    private static boolean hasErrorType(ExecutableElement method) {
        return Stream.concat(Stream.of(method.getReturnType()), method.getParameters().stream().map(Element::asType))
                .anyMatch(FunctionReader::isErroneous);
    }

    private static boolean isErroneous(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }

    /** Comma-separated items, trimmed; empty input gives an empty list. */
    private static List<String> splitList(String text) {
        return text.isBlank() ? List.of() : Stream.of(text.split(",", -1)).map(String::trim).toList();
    }
}
