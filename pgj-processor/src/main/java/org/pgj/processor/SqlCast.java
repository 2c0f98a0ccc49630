package org.pgj.processor;

import org.pgj.functions.PgCast;

/** {@code CREATE CAST (source AS target) WITH FUNCTION ...}, written after its function, or {@code WITHOUT FUNCTION}. */
record SqlCast(String source, String target, PgCast.Context context) {
    /** {@code (source AS target)}, as {@code DROP CAST} names it. */
    String name() {
        return "(" + source + " AS " + target + ")";
    }

    String render(String function) {
        return "CREATE CAST " + name() + " WITH FUNCTION " + function + "(" + source + ")" + contextClause() + ";";
    }

    /** A binary-coercible cast: the server reinterprets the stored form and runs no function. */
    String renderWithoutFunction() {
        return "CREATE CAST " + name() + " WITHOUT FUNCTION" + contextClause() + ";";
    }

    private String contextClause() {
        return switch (context) {
            case EXPLICIT -> "";
            case ASSIGNMENT -> " AS ASSIGNMENT";
            case IMPLICIT -> " AS IMPLICIT";
        };
    }
}
