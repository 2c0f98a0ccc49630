package org.pgj.examples.aggregates;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.MovingFinalFunction;
import org.pgj.aggregates.MovingInverseFunction;
import org.pgj.aggregates.MovingStateFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;

/**
 * max(integer): a strict state function whose state has the argument's type, so the first row
 * is the first state; SORTOP lets the planner answer it from an index. In a moving window frame
 * its state is a Java object, whose inverse gives up (returns null) when the maximum leaves the
 * frame, so that the server aggregates the frame again.
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

    /** The frame's maximum and how many rows the frame holds. */
    public static final class Peak {
        int max = Integer.MIN_VALUE;
        long rows;
    }

    @MovingStateFunction
    public static Peak enter(Peak peak, int value) {
        Peak p = peak == null ? new Peak() : peak;
        p.max = Math.max(p.max, value);
        p.rows++;
        return p;
    }

    /** Null when the maximum itself leaves: only the rows still in the frame know the next one. */
    @MovingInverseFunction
    public static Peak leave(Peak peak, int value) {
        peak.rows--;
        return value == peak.max || peak.rows == 0 ? null : peak;
    }

    @MovingFinalFunction
    public static Integer movingMax(Peak peak) {
        return peak.rows == 0 ? null : peak.max;
    }
}
