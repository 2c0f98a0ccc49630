package org.pgj.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * One timed execution: how long it took, the single value it returned and the notices it sent;
     * and the backend's CPU time over it (all its threads), NaN where it is not measured.
     */
    record Run(double ms, String value, List<String> notices, double cpuMs) {
        Run(double ms, String value, List<String> notices) {
            this(ms, value, notices, Double.NaN);
        }
    }

    /** Runs {@code sql}, reads its one value, and returns the elapsed wall-clock time and its notices. */
    static Run run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                String value = rs.getString(1);
                double ms = (System.nanoTime() - start) / 1e6;
                List<String> notices = new ArrayList<>();
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    notices.add(w.getMessage());
                }
                return new Run(ms, value, notices);
            }
        }
    }

    /** Runs statements that return nothing (settings), untimed. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Times every query {@code timed} times after {@code warmups} untimed runs, interleaved round by
     * round: load changes on a noisy machine then hit every query alike, and the ratios between them
     * stay meaningful. Each run happens in the session {@code sessions} gives; a query's setup
     * (settings) runs untimed right before it. All queries must return the same value, which checks
     * that every implementation computes the same thing.
     *
     * @return every timed run, by query name
     */
    static Map<String, List<Run>> interleaved(Sessions sessions, List<Comparison.Query> queries, int warmups, int timed,
                                              Progress p) throws SQLException {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        queries.forEach(q -> runs.put(q.name(), new ArrayList<>()));
        String expected = null;
        for (int round = 1; round <= warmups + timed; round++) {
            boolean warmup = round <= warmups;
            StringBuilder line = new StringBuilder(warmup ? "  warm-up " + round + "/" + warmups
                    : "  run " + (round - warmups) + "/" + timed).append(':');
            // The order rotates every round, so no query always runs right after the same one.
            List<Comparison.Query> order = new ArrayList<>(queries);
            Collections.rotate(order, -(round % order.size()));
            for (Comparison.Query q : order) {
                Connection session = sessions.take(q);
                Run run;
                try {
                    if (q.setup() != null) {
                        execute(session, q.setup());
                    }
                    long pid = BenchRun.pid(session);
                    double cpuBefore = BackendCpu.ns(pid);
                    Run once = run(session, q.sql());
                    run = new Run(once.ms(), once.value(), once.notices(), (BackendCpu.ns(pid) - cpuBefore) / 1e6);
                } finally {
                    sessions.release(q, session);
                }
                if (expected == null) {
                    expected = run.value();
                } else if (!Objects.equals(expected, run.value())) {
                    throw new IllegalStateException(q.name() + " returned " + run.value() + ", the others " + expected
                            + ": `" + q.sql() + "` computes something else");
                }
                if (!warmup) {
                    runs.get(q.name()).add(run);
                }
                line.append(String.format(Locale.ROOT, " %s %.0f ms,", q.name(), run.ms()));
            }
            line.setLength(line.length() - 1);
            p.step(line.toString());
        }
        return runs;
    }

    static List<Double> ms(List<Run> runs) {
        return runs.stream().map(Run::ms).toList();
    }

    static List<Double> cpuMs(List<Run> runs) {
        return runs.stream().map(Run::cpuMs).toList();
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

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
