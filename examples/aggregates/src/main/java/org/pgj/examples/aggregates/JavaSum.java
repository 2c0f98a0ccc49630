package org.pgj.examples.aggregates;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.MovingFinalFunction;
import org.pgj.aggregates.MovingInverseFunction;
import org.pgj.aggregates.MovingStateFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;

/**
 * sum(bigint) with a bigint state the server keeps: NULL over no rows, parallel through the
 * combine function, and in a moving window frame through a (sum, count) record that rows leave
 * as the frame moves on.
 */
@PgAggregate(name = "java_sum", parallel = Parallel.SAFE, movingInitialCondition = "(0,0)")
public final class JavaSum {
    private static long leaves;

    private JavaSum() {
    }

    /** The state starts as NULL (a Long can be); a NULL value is skipped, since a long cannot be NULL. */
    @StateFunction
    public static Long add(Long sum, long value) {
        return sum == null ? value : Math.addExact(sum, value);
    }

    @CombineFunction
    public static long combine(long a, long b) {
        return Math.addExact(a, b);
    }

    /** The moving state: a record is a composite type, kept by the server. */
    public record SumCount(long sum, long count) {
    }

    @MovingStateFunction
    public static SumCount enter(SumCount state, long value) {
        return new SumCount(Math.addExact(state.sum(), value), state.count() + 1);
    }

    @MovingInverseFunction
    public static SumCount leave(SumCount state, long value) {
        leaves++;
        return new SumCount(state.sum() - value, state.count() - 1);
    }

    /** How often a row left a moving state in this backend: tests see the inverse function at work. */
    @PgFunction
    public static long javaSumLeaves() {
        return leaves;
    }

    /** NULL when the frame holds no value, as sum() is. */
    @MovingFinalFunction
    public static Long movingSum(SumCount state) {
        return state.count() == 0 ? null : state.sum();
    }
}
