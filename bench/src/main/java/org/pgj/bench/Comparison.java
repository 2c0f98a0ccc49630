package org.pgj.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    private final List<Query> withouts = new ArrayList<>();
    /** A query's own "without" query, by the query's name; the others use {@link #without}. */
    private final Map<String, Query> withoutOf = new HashMap<>();
    private Query baseline;
    private Query without;
    private boolean freshSessions;
    private boolean cpuRows = true;

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
        return without(name, sql, null);
    }

    Comparison without(String name, String sql, String setup) {
        without = new Query(name, sql, setup, null, null);
        withouts.add(without);
        queries.add(without);
        return this;
    }

    /**
     * The query without the function that {@code of}'s own cost is measured over, when it is not
     * the comparison's {@link #without} (the same settings as {@code of}, say).
     */
    Comparison withoutFor(String of, String name, String sql, String setup) {
        Query q = new Query(name, sql, setup, null, null);
        withouts.add(q);
        withoutOf.put(of, q);
        queries.add(q);
        return this;
    }

    /**
     * Every run in a new session of its own, which runs the query's setup untimed first: what a
     * connection that makes the calls once pays (cold JIT), next to one long session's runs.
     */
    Comparison inFreshSessions() {
        freshSessions = true;
        return this;
    }

    /** No rows from the backend's CPU time: the work is not all in the session's backend (parallel workers). */
    Comparison withoutCpuRows() {
        cpuRows = false;
        return this;
    }

    boolean freshSessions() {
        return freshSessions;
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

    /**
     * One row per query from its timed runs, the baseline first, then the rest in the order added;
     * then, where the backends' CPU time was read, the same rows from it, without targets.
     */
    List<Measurement> measure(Map<String, List<Timing.Run>> runs) {
        List<Measurement> rows = new ArrayList<>(measure(section, runs, Timing::ms, true));
        boolean cpu = cpuRows && runs.values().stream().flatMap(List::stream).noneMatch(r -> Double.isNaN(r.cpuMs()));
        if (cpu) {
            rows.addAll(measure(section + " (backend CPU)", runs, Timing::cpuMs, false));
        }
        return rows;
    }

    private List<Measurement> measure(String section, Map<String, List<Timing.Run>> runs,
                                      Function<List<Timing.Run>, List<Double>> samples, boolean targets) {
        Map<String, List<Double>> ms = new HashMap<>();
        runs.forEach((name, list) -> ms.put(name, samples.apply(list)));
        return rows(section, ms, targets);
    }

    private List<Measurement> rows(String section, Map<String, List<Double>> runs, boolean targets) {
        Map<Query, Measurement> nones = new HashMap<>();
        for (Query w : withouts) {
            nones.put(w, Measurement.throughput(section, w.name(), w.sql(), runs.get(w.name()), null, null, 1, null));
        }
        Measurement base = Measurement.throughput(section, baseline.name(), baseline.sql(),
                runs.get(baseline.name()), null, nones.get(withoutOf(baseline)), calls, null);
        List<Measurement> rows = new ArrayList<>(List.of(base));
        for (Query q : queries) {
            if (q == baseline) {
                continue;
            }
            if (nones.containsKey(q)) {
                rows.add(nones.get(q));
            } else {
                rows.add(Measurement.throughput(section, q.name(), q.sql(), runs.get(q.name()), base,
                        nones.get(withoutOf(q)), calls, targets ? q.maxRatioOfMinimums() : null));
            }
        }
        return rows;
    }

    private Query withoutOf(Query q) {
        return withoutOf.getOrDefault(q.name(), without);
    }
}
