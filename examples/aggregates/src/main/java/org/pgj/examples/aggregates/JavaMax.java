package org.pgj.examples.aggregates;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;

/**
 * max(integer): a strict state function whose state has the argument's type, so the first row
 * is the first state; SORTOP lets the planner answer it from an index.
 */
@PgAggregate(name = "java_max", sortOperator = ">", parallel = Parallel.SAFE)
public final class JavaMax {
    private JavaMax() {
    }

    @StateFunction
    public static int larger(int max, int value) {
        return Math.max(max, value);
    }

    @CombineFunction
    public static int combine(int a, int b) {
        return Math.max(a, b);
    }
}
