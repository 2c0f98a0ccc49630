package org.pgj.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE OPERATOR}, written after its function: binary when {@code leftArg} is set,
 * prefix otherwise. Empty optional attributes are left out.
 */
record SqlOperator(String symbol, String leftArg, String rightArg, String commutator, String negator,
        String restrict, String join, boolean hashes, boolean merges) {

    /** Characters PostgreSQL allows in an operator name. */
    static final String SYMBOL_CHARS = "+-*/<>=~!@#%^&|`?";

    /** {@code +(vec2, vec2)}, or {@code -(NONE, vec2)} for a prefix operator, as {@code DROP OPERATOR} names it. */
    String signature() {
        return symbol + "(" + (leftArg.isEmpty() ? "NONE" : leftArg) + ", " + rightArg + ")";
    }

    String render(String schema, String function) {
        List<String> items = new ArrayList<>();
        items.add("FUNCTION = " + function);
        if (!leftArg.isEmpty()) {
            items.add("LEFTARG = " + leftArg);
        }
        items.add("RIGHTARG = " + rightArg);
        if (!commutator.isEmpty()) {
            items.add("COMMUTATOR = " + operatorName(schema, commutator));
        }
        if (!negator.isEmpty()) {
            items.add("NEGATOR = " + operatorName(schema, negator));
        }
        if (!restrict.isEmpty()) {
            items.add("RESTRICT = " + restrict);
        }
        if (!join.isEmpty()) {
            items.add("JOIN = " + join);
        }
        if (hashes) {
            items.add("HASHES");
        }
        if (merges) {
            items.add("MERGES");
        }
        return "CREATE OPERATOR " + operatorName(schema, symbol) + " (" + String.join(", ", items) + ");";
    }

    /** An operator in a schema is written OPERATOR(schema.op) where a name is expected, and schema.op here. */
    private static String operatorName(String schema, String symbol) {
        return schema.isEmpty() ? symbol : SqlIdentifiers.quote(schema) + "." + symbol;
    }
}
