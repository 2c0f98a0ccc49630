package org.pgj.examples.aggregates;

import java.util.ArrayList;
import java.util.List;
import org.pgj.aggregates.AggregateKind;
import org.pgj.aggregates.FinalFunction;
import org.pgj.aggregates.PgAggregate;
import org.pgj.aggregates.StateFunction;

/** stats.java_rank(candidate) WITHIN GROUP (ORDER BY x): where a hypothetical row would rank among the group's. */
@PgAggregate(name = "java_rank", schema = "stats", kind = AggregateKind.HYPOTHETICAL, javaState = true)
public final class HypotheticalRank {
    private HypotheticalRank() {
    }

    @StateFunction
    public static List<Integer> collect(List<Integer> values, int x) {
        List<Integer> list = values == null ? new ArrayList<>() : values;
        list.add(x);
        return list;
    }

    /** Nullable state: a group of no rows still ranks the candidate first. */
    @FinalFunction
    public static long rank(java.util.Optional<List<Integer>> values, int candidate) {
        return 1 + values.map(v -> v.stream().filter(x -> x < candidate).count()).orElse(0L);
    }
}
