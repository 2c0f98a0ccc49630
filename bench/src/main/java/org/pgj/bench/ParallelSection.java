package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parallel query: a PARALLEL SAFE Java function in a parallel aggregate with 2 workers against the
 * same query with parallelism off, in one session. Each worker is a new process that starts its
 * own JVM in every query; their DEBUG1 notices give that start.
 */
final class ParallelSection implements Section {
    static final double MAX_RATIO = 1.0;
    static final int WORKERS = 2;

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        long rows = run.counts().parallelRows();
        String table = "parallel_rows_" + rows;
        String sql = "SELECT sum(add_one(i)) FROM " + table;
        String parallel = "SET max_parallel_workers_per_gather = " + WORKERS + "; " + StartSplit.REPORTING;
        try (Connection c = run.connect()) {
            run.step("[parallel] " + sql + " (" + rows + " rows) with " + WORKERS + " workers and with parallelism off");
            Timing.execute(c, "CREATE TABLE IF NOT EXISTS " + table + " AS SELECT i FROM generate_series(1, " + rows + ") i");
            Timing.execute(c, "VACUUM ANALYZE " + table);
            Timing.execute(c, parallel);
            StringBuilder all = new StringBuilder();
            try (var s = c.createStatement(); var rs = s.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    all.append('\n').append(rs.getString(1));
                }
            }
            if (!all.toString().contains("Workers Planned: " + WORKERS)) {
                throw new IllegalStateException("the planner does not use " + WORKERS + " workers for `" + sql + "`:\n" + all);
            }
            String serial = "SET max_parallel_workers_per_gather = 0; RESET client_min_messages";
            // Each side's own cost per call is over the same scan without the function, in the same setting.
            String none = "SELECT sum(i) + " + rows + " FROM " + table;
            List<Measurement> rowsOut = run.compare(c, Comparison.of("parallel", rows).withoutCpuRows()
                    .baseline("parallelism off", sql, serial)
                    .without("no function, parallelism off", none, serial)
                    .add(WORKERS + " workers", sql, parallel, MAX_RATIO)
                    .withoutFor(WORKERS + " workers", "no function, " + WORKERS + " workers", none, parallel));
            Measurement workers = rowsOut.stream().filter(m -> m.name().equals(WORKERS + " workers")).findFirst().orElseThrow();
            run.step(String.format(Locale.ROOT, "  %d workers: %.2f× the time with parallelism off", WORKERS, workers.ratio()));
        }
        workerStarts(run, sql, parallel);
    }

    /**
     * Per-worker JVM start: the DEBUG1 splits of the workers' JVMs, from a few parallel runs of their
     * own, and the CPU each worker had used by then (its JVM's threads included).
     */
    private static void workerStarts(BenchRun run, String sql, String parallel) throws SQLException {
        List<Double> starts = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try (Connection c = run.connect()) {
            Timing.execute(c, parallel);
            Timing.run(c, sql); // the leader's own JVM
            for (int i = 0; i < run.counts().timed(); i++) {
                for (StartSplit split : StartSplit.every(Timing.run(c, sql).notices())) {
                    starts.add(split.startMs());
                    if (!Double.isNaN(split.cpuMs())) {
                        cpu.add(split.cpuMs());
                    }
                }
            }
        }
        if (starts.isEmpty()) {
            run.step("  no worker reported its JVM's start (no DEBUG1 notices from the workers)");
            return;
        }
        run.step(String.format(Locale.ROOT, "  per-worker JVM start (created + booted): %s ms; CPU by then: %s ms", starts, cpu));
        run.add(Measurement.latency("parallel", "per-worker JVM start (created + booted)", sql + " (DEBUG1 notices)", starts,
                null, Measurement.Limits.NONE));
        if (!cpu.isEmpty()) {
            run.add(Measurement.latency("parallel", "per-worker CPU by the end of its JVM's start", sql + " (DEBUG1 notices)",
                    cpu, null, Measurement.Limits.NONE));
        }
    }
}
