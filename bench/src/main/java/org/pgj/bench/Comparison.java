package org.pgj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queries timed side by side in one session (the shared path of every throughput section): the
 * baseline the ratios are to, optionally the same query without the function, from which each
 * function's own cost per call follows, and the functions compared.
 */
final class Comparison {
    /**
     * One query; {@code setup} (settings, or null) runs untimed right before each run of it;
     * {@code database} is where it runs, null for the section's own session.
     */
    record Query(String name, String sql, String setup, Double maxRatioOfMinimums, String database) {
    }

    private final String section;
    private final long calls;
    private final List<Query> queries = new ArrayList<>();
    private Query baseline;
    private Query without;

    private Comparison(String section, long calls) {
        this.section = section;
        this.calls = calls;
    }

    /** A comparison labelled {@code section} whose queries call their function {@code calls} times each. */
    static Comparison of(String section, long calls) {
        return new Comparison(section, calls);
    }

    String section() {
        return section;
    }

    /** The query the others' ratios are to; first. */
    Comparison baseline(String name, String sql) {
        return baseline(name, sql, null);
    }

    Comparison baseline(String name, String sql, String setup) {
        return baseline(new Query(name, sql, setup, null, null));
    }

    /** The baseline, run in a session of {@code database} (a C original's, say). */
    Comparison baselineIn(String database, String name, String sql) {
        return baseline(new Query(name, sql, null, null, database));
    }

    private Comparison baseline(Query query) {
        baseline = query;
        queries.addFirst(baseline);
        return this;
    }

    /** The same query without the function: what every row's own cost per call is measured over. */
    Comparison without(String name, String sql) {
        without = new Query(name, sql, null, null, null);
        queries.add(without);
        return this;
    }

    /** A function compared with the baseline; {@code maxRatioOfMinimums} null for no target. */
    Comparison add(String name, String sql, Double maxRatioOfMinimums) {
        return add(name, sql, null, maxRatioOfMinimums);
    }

    Comparison add(String name, String sql, String setup, Double maxRatioOfMinimums) {
        queries.add(new Query(name, sql, setup, maxRatioOfMinimums, null));
        return this;
    }

    /** A function compared with the baseline, run in a session of {@code database}. */
    Comparison addIn(String database, String name, String sql, Double maxRatioOfMinimums) {
        queries.add(new Query(name, sql, null, maxRatioOfMinimums, database));
        return this;
    }

    List<Query> queries() {
        if (baseline == null) {
            throw new IllegalStateException(section + ": a comparison needs a baseline");
        }
        return List.copyOf(queries);
    }

    /** One row per query from its timed runs: the baseline first, then the rest in the order added. */
    List<Measurement> measure(Map<String, List<Timing.Run>> runs) {
        Measurement none = without == null ? null
                : Measurement.throughput(section, without.name(), without.sql(), Timing.ms(runs.get(without.name())), null,
                        null, 1, null);
        Measurement base = Measurement.throughput(section, baseline.name(), baseline.sql(),
                Timing.ms(runs.get(baseline.name())), null, none, calls, null);
        List<Measurement> rows = new ArrayList<>(List.of(base));
        for (Query q : queries) {
            if (q == baseline) {
                continue;
            }
            if (q == without) {
                rows.add(none);
            } else {
                rows.add(Measurement.throughput(section, q.name(), q.sql(), Timing.ms(runs.get(q.name())), base, none, calls,
                        q.maxRatioOfMinimums()));
            }
        }
        return rows;
    }
}
