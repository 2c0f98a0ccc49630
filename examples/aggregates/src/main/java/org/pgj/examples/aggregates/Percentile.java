package org.pgj.examples.aggregates;

import java.util.ArrayList;
import java.util.List;
import org.pgj.aggregates.AggregateKind;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * percentile_cont(fraction) WITHIN GROUP (ORDER BY x): an ordered-set aggregate. The rows come
 * in any order; the final function sorts what the state collected. javaState keeps the list a
 * Java object (a List alone would be a SQL array, copied at every row).
 */
@PgAggregate(name = "java_percentile_cont", kind = AggregateKind.ORDERED_SET, javaState = true)
public final class Percentile {
    private Percentile() {
    }

    @StateFunction
    public static List<Double> collect(List<Double> values, double x) {
        List<Double> list = values == null ? new ArrayList<>() : values;
        list.add(x);
        return list;
    }

    @FinalFunction
    public static Double percentile(List<Double> values, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "percentile value " + fraction
                    + " is not between 0 and 1");
        }
        List<Double> sorted = values.stream().sorted().toList();
        double at = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(at);
        int above = (int) Math.ceil(at);
        return sorted.get(below) + (at - below) * (sorted.get(above) - sorted.get(below));
    }
}
