package org.pgj.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pgj.tooling.progress.Progress;

/**
 * Wall-clock timing of single-row queries, measured from the client on an open connection: the
 * round trip is well under a millisecond, the queries take about a hundred.
 */
final class Timing {
    private Timing() {
    }

    /** One timed execution: how long it took and the single value it returned. */
    record Run(double ms, String value) {
    }

    /** Runs {@code sql}, reads its one value, and returns the elapsed wall-clock time. */
    static Run run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                String value = rs.getString(1);
                return new Run((System.nanoTime() - start) / 1e6, value);
            }
        }
    }

    /**
     * Times every query of {@code queries} (name → SQL) {@code timed} times after {@code warmups}
     * untimed runs, interleaved round by round: load changes on a noisy machine then hit every
     * query alike, and the ratios between them stay meaningful. All queries must return the same
     * value, which checks that every implementation computes the same thing.
     */
    static Map<String, List<Double>> interleaved(Connection c, Map<String, String> queries, int warmups, int timed,
                                                 Progress p) throws SQLException {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        queries.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        String expected = null;
        for (int round = 1; round <= warmups + timed; round++) {
            boolean warmup = round <= warmups;
            StringBuilder line = new StringBuilder(warmup ? "  warm-up " + round + "/" + warmups
                    : "  run " + (round - warmups) + "/" + timed).append(':');
            // The order rotates every round, so no query always runs right after the same one.
            List<Map.Entry<String, String>> order = new ArrayList<>(queries.entrySet());
            java.util.Collections.rotate(order, -(round % order.size()));
            for (Map.Entry<String, String> q : order) {
                Run run = run(c, q.getValue());
                if (expected == null) {
                    expected = run.value();
                } else if (!Objects.equals(expected, run.value())) {
                    throw new IllegalStateException(q.getKey() + " returned " + run.value() + ", the others " + expected
                            + ": `" + q.getValue() + "` computes something else");
                }
                if (!warmup) {
                    times.get(q.getKey()).add(run.ms());
                }
                line.append(String.format(java.util.Locale.ROOT, " %s %.0f ms,", q.getKey(), run.ms()));
            }
            line.setLength(line.length() - 1);
            p.step(line.toString());
        }
        return times;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code pct}% of the samples at or below it. */
    static double percentile(List<Double> values, double pct) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(pct / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
