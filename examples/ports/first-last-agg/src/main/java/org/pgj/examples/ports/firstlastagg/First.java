package org.pgj.examples.ports.firstlastagg;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.AnyElement;

/**
 * {@code first(anyelement)}: the first non-NULL value of the group, in the aggregate's ORDER BY
 * if it has one. As in the original, {@code first_sfunc} is an ordinary function of the
 * extension, and the aggregate uses it as its state and its combine function.
 */
@PgAggregate(name = "first", parallel = Parallel.SAFE)
public final class First {
    private First() {
    }

    /**
     * Keeps the state, which is the group's first value. Strict: the server skips NULL values and
     * makes the first non-NULL one the state, so this sees only values after it.
     */
    @StateFunction
    @CombineFunction
    @PgFunction(name = "first_sfunc", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static AnyElement firstSfunc(AnyElement state, AnyElement value) {
        return state;
    }
}
