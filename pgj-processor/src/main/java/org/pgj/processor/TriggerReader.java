package org.pgj.processor;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.functions.Volatility;
import org.pgj.internal.settings.SnakeCase;
import org.pgj.triggers.PgTrigger;
import org.pgj.triggers.Trigger;
import org.pgj.triggers.TriggerRow;

/**
 * Reads one {@code @PgTrigger} method into a {@link SqlFunction} of no arguments that
 * {@code RETURNS trigger}. The method takes one {@link Trigger} and returns a
 * {@link TriggerRow}, a record or void; anything else is reported on the method.
 */
final class TriggerReader {
    private final JavaTypeNames names;
    private final FunctionReader functions;
    private final Reporter reporter;

    TriggerReader(JavaTypeNames names, FunctionReader functions, Reporter reporter) {
        this.names = names;
        this.functions = functions;
        this.reporter = reporter;
    }

    Optional<SqlFunction> read(ExecutableElement method) {
        if (FunctionReader.hasErrorType(method)) {
            return Optional.empty();
        }
        PgTrigger trigger = method.getAnnotation(PgTrigger.class);
        String target = names.target(method);
        String what = "@PgTrigger method " + target;
        boolean ok = functions.checkCallable(method, what);
        if (method.getAnnotation(PgFunction.class) != null || method.getAnnotation(PgProcedure.class) != null) {
            reporter.error(method, what + " is also a @PgFunction or @PgProcedure; a method is one of them");
            return Optional.empty();
        }
        if (method.getParameters().size() != 1 || !names.of(method.getParameters().getFirst().asType())
                .equals(Trigger.class.getName())) {
            reporter.error(method, what + " must take exactly one parameter, a " + Trigger.class.getName()
                    + " (a trigger function has no SQL arguments; CREATE TRIGGER passes its arguments as Trigger.arguments())");
            ok = false;
        }
        TypeMirror returned = method.getReturnType();
        if (!(returned.getKind() == TypeKind.VOID || names.of(returned).equals(TriggerRow.class.getName()) || isRecord(returned))) {
            reporter.error(method, what + " returns " + returned + "; a trigger returns a " + TriggerRow.class.getName()
                    + " (null skips the row), a record or void");
            ok = false;
        }
        String sqlName = trigger.name().isEmpty() ? SnakeCase.of(method.getSimpleName().toString()) : trigger.name();
        ok &= functions.checkName(method, what, "SQL name", sqlName);
        if (!trigger.schema().isEmpty()) {
            ok &= functions.checkName(method, what, "schema", trigger.schema());
        }
        List<String> searchPath = functions.searchPath(method, what, trigger.searchPath());
        List<String> requires = functions.requires(method, what, trigger.requires());
        if (!ok || searchPath == null || requires == null) {
            return Optional.empty();
        }
        return Optional.of(new SqlFunction(method, false, trigger.schema(), sqlName, List.of(), "trigger",
                Volatility.VOLATILE, false, Parallel.UNSAFE, OptionalDouble.empty(), trigger.security(), searchPath,
                requires, List.of(), target, functions.sourceOrder(method), Optional.empty(), Optional.empty()));
    }

    /** A record class, or {@code java.lang.Record} for any record. */
    private boolean isRecord(TypeMirror type) {
        return type instanceof DeclaredType d && (d.asElement().getKind() == ElementKind.RECORD
                || names.of(type).equals(Record.class.getName()));
    }
}
