package org.pgj.processor;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import org.pgj.functions.BuiltinFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.Security;
import org.pgj.functions.Volatility;

/**
 * One {@code @PgFunction} or {@code @PgProcedure} method, resolved to everything its
 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} needs. A procedure has no return type,
 * volatility, strictness, parallel safety or cost. {@code types} are the types the install script
 * creates for its Java types (records, enums, base types), which come before it; {@code cast} and
 * {@code operator} follow the function.
 */
record SqlFunction(
        Element element,
        boolean procedure,
        String schema,
        String sqlName,
        List<Argument> arguments,
        String returnType,
        Volatility volatility,
        boolean strict,
        Parallel parallel,
        OptionalDouble cost,
        Security security,
        List<String> searchPath,
        List<String> requires,
        List<String> types,
        String target,
        SourceOrder order,
        Optional<SqlCast> cast,
        Optional<SqlOperator> operator) implements ScriptObject {

    /**
     * An argument: its SQL name (the Java parameter name in snake_case), SQL type, SQL default
     * expression (null for none), and mode.
     */
    record Argument(String name, String sqlType, String defaultValue, Mode mode) {
        /** An OUT parameter is a column of the result, not part of the signature. */
        boolean out() {
            return mode == Mode.OUT;
        }
    }

    /** How an argument is passed, as {@code CREATE FUNCTION} writes it. */
    enum Mode {
        IN(""),
        OUT("OUT "),
        /** The Java varargs parameter: {@code VARIADIC name type[]}. */
        VARIADIC("VARIADIC ");

        final String prefix;

        Mode(String prefix) {
            this.prefix = prefix;
        }
    }

    @Override
    public String name() {
        return schema.isEmpty() ? sqlName : schema + "." + sqlName;
    }

    /** What PostgreSQL tells overloads apart by: the qualified name and the argument types. */
    String signature() {
        return name() + arguments.stream()
                .filter(a -> !a.out())
                .map(a -> TypeMapping.signatureForm(a.sqlType()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String origin() {
        return target;
    }

    @Override
    public String describe() {
        return (procedure ? "@PgProcedure " : trigger() ? "@PgTrigger " : eventTrigger() ? "@PgEventTrigger " : "@PgFunction ")
                + target;
    }

    /** A trigger function ({@code @PgTrigger}): no arguments, {@code RETURNS trigger}. */
    boolean trigger() {
        return !procedure && returnType.equals("trigger");
    }

    /** The server's built-in function that runs this one ({@code @BuiltinFunction}), if any. */
    Optional<String> builtin() {
        return element instanceof javax.lang.model.element.ExecutableElement method
                ? Optional.ofNullable(method.getAnnotation(BuiltinFunction.class)).map(BuiltinFunction::value)
                : Optional.empty();
    }

    /** An event trigger function ({@code @PgEventTrigger}): no arguments, {@code RETURNS event_trigger}. */
    boolean eventTrigger() {
        return !procedure && returnType.equals("event_trigger");
    }

    /** A window function ({@code @PgFunction(window = true)}): {@code CREATE FUNCTION ... WINDOW}. */
    boolean window() {
        return element != null && element.getAnnotation(org.pgj.functions.PgFunction.class) instanceof org.pgj.functions.PgFunction f
                && f.window();
    }

    /** {@code function} or {@code procedure}, as SQL says it. */
    String kind() {
        return procedure ? "procedure" : "function";
    }
}
