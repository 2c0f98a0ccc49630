package org.pgj.examples.indexes;

import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.IndexSupport;
import org.pgj.indexes.PgOperatorClass;

/**
 * A btree class that orders integers from the largest down: its "less than" is {@code >}, and its
 * comparison, written in Java, answers accordingly. An index with it serves {@code ORDER BY i
 * USING >} and ranges in either direction, and a UNIQUE one checks duplicates through the Java
 * comparison.
 */
@PgOperatorClass(name = "int4_reverse_ops", method = IndexMethod.BTREE, type = "integer",
        operators = {@IndexOperator(strategy = 1, operator = ">"), @IndexOperator(strategy = 2, operator = ">="),
            @IndexOperator(strategy = 3, operator = "="), @IndexOperator(strategy = 4, operator = "<="),
            @IndexOperator(strategy = 5, operator = "<")})
public final class ReverseOrder {
    private ReverseOrder() {
    }

    /** Negative when {@code a} comes first, that is when it is the larger. */
    @IndexSupport(1)
    public static int compare(int a, int b) {
        return Integer.compare(b, a);
    }
}
