package org.pgj.examples.aggregates;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;

/** count(*): no arguments, so java_count(*); the state starts at its initial condition, 0, so no rows count 0. */
@PgAggregate(name = "java_count", initialCondition = "0", parallel = Parallel.SAFE)
public final class JavaCount {
    private JavaCount() {
    }

    @StateFunction
    public static long add(long count) {
        return count + 1;
    }

    @CombineFunction
    public static long combine(long a, long b) {
        return a + b;
    }
}
