package org.pgj.examples.aggregates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.functions.Nullable;
import org.pgj.types.AnyElement;

/**
 * mode(anyelement): the most frequent value, of any type. The state is a Java object (SQL sees
 * internal), so without FINALFUNC_EXTRA the server could not tell the type of the anyelement
 * result: the final function's extra parameter, always NULL, carries the argument's type.
 */
@PgAggregate(name = "java_mode", finalFunctionExtra = true)
public final class JavaMode {
    private JavaMode() {
    }

    /** How often each value came, in the order values first came: a tie goes to the first. */
    public static final class Counts {
        final Map<Object, Long> counts = new LinkedHashMap<>();
    }

    /** A NULL value is skipped: an AnyElement parameter cannot be NULL. */
    @StateFunction
    public static Counts add(Counts state, AnyElement value) {
        Counts c = state == null ? new Counts() : state;
        c.counts.merge(value.value(), 1L, Long::sum);
        return c;
    }

    @FinalFunction
    public static AnyElement mostFrequent(Counts state, @Nullable AnyElement ofArgumentType) {
        if (state == null) {
            return null;
        }
        Map.Entry<Object, Long> best = null;
        for (Map.Entry<Object, Long> e : state.counts.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {
                best = e;
            }
        }
        return AnyElement.of(best.getKey());
    }
}
