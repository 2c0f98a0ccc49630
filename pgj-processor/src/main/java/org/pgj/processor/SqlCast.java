package org.pgj.processor;

import org.pgj.functions.PgCast;

/** {@code CREATE CAST (source AS target) WITH FUNCTION ...}, written after its function. */
record SqlCast(String source, String target, PgCast.Context context) {
    /** {@code (source AS target)}, as {@code DROP CAST} names it. */
    String name() {
        return "(" + source + " AS " + target + ")";
    }

    String render(String function) {
        String as = switch (context) {
            case EXPLICIT -> "";
            case ASSIGNMENT -> " AS ASSIGNMENT";
            case IMPLICIT -> " AS IMPLICIT";
        };
        return "CREATE CAST (" + source + " AS " + target + ") WITH FUNCTION " + function + "(" + source + ")" + as + ";";
    }
}
