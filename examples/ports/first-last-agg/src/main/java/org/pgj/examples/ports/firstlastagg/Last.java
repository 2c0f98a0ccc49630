package org.pgj.examples.ports.firstlastagg;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.AnyElement;

/**
 * {@code last(anyelement)}: the last non-NULL value of the group, in the aggregate's ORDER BY if
 * it has one. As in the original, {@code last_sfunc} is an ordinary function of the extension,
 * and the aggregate uses it as its state and its combine function.
 */
@PgAggregate(name = "last", parallel = Parallel.SAFE)
public final class Last {
    private Last() {
    }

    /** Replaces the state with each value; strict, so NULL values are skipped and the last non-NULL one stays. */
    @StateFunction
    @CombineFunction
    @PgFunction(name = "last_sfunc", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static AnyElement lastSfunc(AnyElement state, AnyElement value) {
        return value;
    }
}
