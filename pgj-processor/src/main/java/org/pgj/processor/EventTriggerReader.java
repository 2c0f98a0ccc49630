package org.pgj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import org.pgj.events.EventTrigger;
import org.pgj.events.PgEventTrigger;
import org.pgj.functions.ExtensionSql.Position;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.functions.Security;
import org.pgj.functions.Volatility;
import org.pgj.internal.settings.SnakeCase;
import org.pgj.triggers.PgTrigger;

/**
 * Reads one {@code @PgEventTrigger} method into a {@link SqlFunction} of no arguments that
 * {@code RETURNS event_trigger}, and the {@code CREATE EVENT TRIGGER} that follows it in the
 * script (a {@link SqlBlock} after the function). The method takes one {@link EventTrigger} and
 * returns void; anything else is reported on the method.
 */
final class EventTriggerReader {
    /** The function and its CREATE EVENT TRIGGER. */
    record EventTriggerObjects(SqlFunction function, SqlBlock trigger) {
    }

    private final JavaTypeNames names;
    private final FunctionReader functions;
    private final Reporter reporter;

    EventTriggerReader(JavaTypeNames names, FunctionReader functions, Reporter reporter) {
        this.names = names;
        this.functions = functions;
        this.reporter = reporter;
    }

    Optional<EventTriggerObjects> read(ExecutableElement method) {
        if (FunctionReader.hasErrorType(method)) {
            return Optional.empty();
        }
        PgEventTrigger trigger = method.getAnnotation(PgEventTrigger.class);
        String target = names.target(method);
        String what = "@PgEventTrigger method " + target;
        boolean ok = functions.checkCallable(method, what);
        if (method.getAnnotation(PgFunction.class) != null || method.getAnnotation(PgProcedure.class) != null
                || method.getAnnotation(PgTrigger.class) != null) {
            reporter.error(method, what + " is also a @PgFunction, @PgProcedure or @PgTrigger; a method is one of them");
            return Optional.empty();
        }
        if (method.getParameters().size() != 1 || !names.of(method.getParameters().getFirst().asType())
                .equals(EventTrigger.class.getName()) || method.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(method, what + " must take exactly one parameter, an " + EventTrigger.class.getName()
                    + ", and return void (throwing makes the command fail)");
            ok = false;
        }
        String sqlName = trigger.name().isEmpty() ? SnakeCase.of(method.getSimpleName().toString()) : trigger.name();
        ok &= functions.checkName(method, what, "SQL name", sqlName);
        List<String> tags = new ArrayList<>();
        for (String tag : trigger.tags()) {
            String t = tag.trim().replaceAll("\\s+", " ");
            if (!t.matches("[A-Za-z][A-Za-z ]*")) {
                reporter.error(method, what + ": tag \"" + tag + "\" is not a command tag such as \"CREATE TABLE\"");
                ok = false;
            }
            tags.add(t.toUpperCase(java.util.Locale.ROOT));
        }
        List<String> requires = functions.requires(method, what, trigger.requires());
        if (!ok || requires == null) {
            return Optional.empty();
        }
        SqlFunction function = new SqlFunction(method, false, "", sqlName, List.of(), "event_trigger", Volatility.VOLATILE,
                false, Parallel.UNSAFE, OptionalDouble.empty(), Security.INVOKER, List.of(), requires, List.of(), target,
                functions.sourceOrder(method), Optional.empty(), Optional.empty());
        String sql = "CREATE EVENT TRIGGER " + SqlIdentifiers.quote(sqlName) + " ON " + trigger.event().sqlName()
                + (tags.isEmpty() ? "" : "\n    WHEN TAG IN " + tags.stream().map(SqlIdentifiers::literal)
                        .collect(Collectors.joining(", ", "(", ")")))
                + "\n    EXECUTE FUNCTION " + SqlIdentifiers.quote(sqlName) + "();";
        SqlBlock block = new SqlBlock(method, "event trigger " + sqlName, sql, Position.ORDERED,
                Stream.of(sqlName).toList(), functions.sourceOrder(method));
        return Optional.of(new EventTriggerObjects(function, block));
    }
}
