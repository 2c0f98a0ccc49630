package org.pgj.examples.aggregates;

import org.pgj.aggregates.CombineFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Parallel;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.AnyElement;

/**
 * {@code java_any_value(anyelement)}: a non-NULL value of the group (the first one read), as
 * PostgreSQL 16's {@code any_value()}. Its state function only returns its state, so after the
 * first call at a call site the server gets the state back without calling Java at all.
 */
@PgAggregate(name = "java_any_value", parallel = Parallel.SAFE)
public final class JavaAnyValue {
    private JavaAnyValue() {
    }

    /** Strict: the server makes the first non-NULL value the state and skips NULL rows. */
    @StateFunction
    @CombineFunction
    @PgFunction(name = "java_any_value_keep", volatility = Volatility.IMMUTABLE, parallel = Parallel.SAFE)
    public static AnyElement keep(AnyElement state, AnyElement value) {
        return state;
    }

    /** A plain function that only returns a parameter: {@code java_latest(1, 2)} is 2, without Java after its first call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int javaLatest(int previous, int next) {
        return next;
    }

    /** The same for a {@code bigint}, its second slot counted: {@code java_latest_of(1, 2, 3)} is 3. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long javaLatestOf(long first, long second, long third) {
        return third;
    }
}
