package org.pgj.processor;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds objects that would collide in the database or in {@code requires}/{@code after}: two
 * functions (or aggregates) with one SQL signature (overloads must differ in SQL argument types,
 * not just in Java types), and a block name used twice or also used by a function or aggregate.
 */
final class NameClashes {
    private final Reporter reporter;

    NameClashes(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(List<SqlFunction> functions, List<SqlAggregate> aggregates, List<SqlBlock> blocks) {
        Map<String, SqlFunction> bySignature = new HashMap<>();
        // An aggregate is a function to SQL: it cannot share a signature with one, nor with another aggregate.
        Map<String, String> aggregateSignatures = new HashMap<>();
        for (SqlAggregate a : aggregates) {
            String first = aggregateSignatures.putIfAbsent(a.signature(), a.origin());
            if (first != null) {
                reporter.error(a.element(), "duplicate SQL aggregate " + a.signature() + ": " + first + " and "
                        + a.origin() + " have the same SQL name and argument types");
            }
        }
        for (SqlFunction fn : functions.stream().sorted(Comparator.comparing(SqlFunction::order)).toList()) {
            SqlFunction first = bySignature.putIfAbsent(fn.signature(), fn);
            if (aggregateSignatures.containsKey(fn.signature())) {
                reporter.error(fn.element(), "SQL function " + fn.signature() + " of " + fn.target()
                        + " has the signature of the aggregate of " + aggregateSignatures.get(fn.signature()));
            }
            if (first != null) {
                reporter.error(fn.element(), "duplicate SQL " + fn.kind() + " " + fn.signature() + ": " + first.target()
                        + " and " + fn.target() + " have the same SQL name and argument types;"
                        + " give one another name() or different argument types");
            }
        }
        Map<String, SqlFunction> functionNames = new HashMap<>();
        functions.forEach(fn -> functionNames.putIfAbsent(fn.name(), fn));
        Map<String, SqlAggregate> aggregateNames = new HashMap<>();
        aggregates.forEach(a -> aggregateNames.putIfAbsent(a.name(), a));
        Map<String, SqlBlock> blockNames = new HashMap<>();
        for (SqlBlock block : blocks.stream().sorted(Comparator.comparing(SqlBlock::order)).toList()) {
            SqlBlock first = blockNames.putIfAbsent(block.name(), block);
            if (first != null) {
                reporter.error(block.element(), "@ExtensionSql name '" + block.name() + "' is used on both "
                        + first.order().owner() + " and " + block.order().owner());
            } else if (functionNames.containsKey(block.name())) {
                reporter.error(block.element(), "@ExtensionSql name '" + block.name() + "' is also the name of a "
                        + (functionNames.get(block.name()).procedure() ? "@PgProcedure" : "@PgFunction")
                        + "; after/requires could not tell them apart");
            } else if (aggregateNames.containsKey(block.name())) {
                reporter.error(block.element(), "@ExtensionSql name '" + block.name() + "' is also the name of the"
                        + " @PgAggregate " + aggregateNames.get(block.name()).origin() + "; after/requires could not tell them apart");
            }
        }
    }
}
