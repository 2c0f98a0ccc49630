package org.pgj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import org.pgj.aggregates.AggregateKind;
import org.pgj.aggregates.FinalizeModify;
import org.pgj.functions.Parallel;

/**
 * One {@code @PgAggregate} class: {@code CREATE AGGREGATE} over its support functions, which
 * are ordinary {@link SqlFunction}s of the script and come before it ({@code supportFunctions},
 * by name). Options the class left out are left out of the SQL, so PostgreSQL's defaults apply.
 */
record SqlAggregate(
        Element element,
        String schema,
        String sqlName,
        AggregateKind kind,
        List<SqlFunction.Argument> directArguments,
        List<SqlFunction.Argument> arguments,
        String stateFunction,
        String stateType,
        int stateSpace,
        Optional<String> finalFunction,
        boolean finalFunctionExtra,
        FinalizeModify finalizeModify,
        Optional<String> combineFunction,
        Optional<String> serialFunction,
        Optional<String> deserialFunction,
        Optional<String> initialCondition,
        Optional<Moving> moving,
        String sortOperator,
        Parallel parallel,
        List<String> supportFunctions,
        List<String> requires,
        String origin,
        SourceOrder order) implements ScriptObject {

    /** The moving-aggregate mode: {@code MSFUNC}, {@code MINVFUNC}, {@code MSTYPE} and the optional rest. */
    record Moving(String stateFunction, String inverseFunction, String stateType, int stateSpace,
            Optional<String> finalFunction, FinalizeModify finalizeModify, Optional<String> initialCondition) {
    }

    @Override
    public String name() {
        return schema.isEmpty() ? sqlName : schema + "." + sqlName;
    }

    /** What PostgreSQL tells aggregates (and functions) apart by: the name and all argument types. */
    String signature() {
        return name() + java.util.stream.Stream.concat(directArguments.stream(), arguments.stream())
                .map(a -> TypeMapping.signatureForm(a.sqlType()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String describe() {
        return "@PgAggregate " + origin;
    }

    String render() {
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + stateFunction);
        options.add("STYPE = " + stateType);
        if (stateSpace > 0) {
            options.add("SSPACE = " + stateSpace);
        }
        finalFunction.ifPresent(f -> options.add("FINALFUNC = " + f));
        if (finalFunctionExtra) {
            options.add("FINALFUNC_EXTRA");
        }
        if (finalizeModify != FinalizeModify.DEFAULT) {
            options.add("FINALFUNC_MODIFY = " + finalizeModify);
        }
        combineFunction.ifPresent(f -> options.add("COMBINEFUNC = " + f));
        serialFunction.ifPresent(f -> options.add("SERIALFUNC = " + f));
        deserialFunction.ifPresent(f -> options.add("DESERIALFUNC = " + f));
        initialCondition.ifPresent(c -> options.add("INITCOND = " + SqlIdentifiers.literal(c)));
        moving.ifPresent(m -> {
            options.add("MSFUNC = " + m.stateFunction());
            options.add("MINVFUNC = " + m.inverseFunction());
            options.add("MSTYPE = " + m.stateType());
            if (m.stateSpace() > 0) {
                options.add("MSSPACE = " + m.stateSpace());
            }
            m.finalFunction().ifPresent(f -> options.add("MFINALFUNC = " + f));
            if (m.finalizeModify() != FinalizeModify.DEFAULT) {
                options.add("MFINALFUNC_MODIFY = " + m.finalizeModify());
            }
            m.initialCondition().ifPresent(c -> options.add("MINITCOND = " + SqlIdentifiers.literal(c)));
        });
        if (!sortOperator.isEmpty()) {
            options.add("SORTOP = " + sortOperator);
        }
        if (parallel != Parallel.UNSAFE) {
            options.add("PARALLEL = " + parallel);
        }
        if (kind == AggregateKind.HYPOTHETICAL) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + SqlIdentifiers.qualified(schema, sqlName) + "(" + argumentList() + ") (\n    "
                + String.join(",\n    ", options) + "\n);";
    }

    private String argumentList() {
        String aggregated = arguments.isEmpty() ? "*" : list(arguments);
        if (kind == AggregateKind.NORMAL) {
            return aggregated;
        }
        return (directArguments.isEmpty() ? "" : list(directArguments) + " ") + "ORDER BY " + aggregated;
    }

    private static String list(List<SqlFunction.Argument> arguments) {
        return arguments.stream().map(a -> SqlIdentifiers.quote(a.name()) + " " + a.sqlType())
                .collect(Collectors.joining(", "));
    }
}
