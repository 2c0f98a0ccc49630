package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Private memory per backend (smaps_rollup): backends that never called Java, backends after one
 * call, and backends after a million text calls (the JIT warm, its code and the heap grown).
 */
final class MemorySection implements Section {
    static final double AFTER_ONE_CALL_MAX_MB = 16;
    static final double AFTER_MANY_CALLS_MAX_MB = 24;
    static final String MANY_CALLS = "SELECT sum(length(shout(md5(i::text)))) FROM generate_series(1, "
            + CallsSection.ROWS + ") i";

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int n = run.counts().memoryBackends();
        run.step("[memory] private memory of " + n + " backends each: without Java, after one call, after "
                + CallsSection.ROWS + " text calls");
        Measurement base = Measurement.memory("memory", "backend without Java", "SELECT 1", backendsMb(run, "SELECT 1"),
                null, null);
        run.add(base);
        run.add(Measurement.memory("memory", "backend after add_one(1)", "SELECT add_one(1)",
                backendsMb(run, "SELECT add_one(1)"), base, AFTER_ONE_CALL_MAX_MB));
        run.add(Measurement.memory("memory", "backend after " + CallsSection.ROWS + " shout calls", MANY_CALLS,
                backendsMb(run, MANY_CALLS), base, AFTER_MANY_CALLS_MAX_MB));
    }

    /** Opens the backends together, runs {@code sql} in each, reads each one's private memory (MB). */
    static List<Double> backendsMb(BenchRun run, String sql) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try {
            for (int i = 0; i < run.counts().memoryBackends(); i++) {
                Connection c = run.connect();
                sessions.add(c);
                Timing.run(c, sql);
                pids.add(BenchRun.pid(c));
            }
            List<Double> mb = privateMb(sessions);
            run.step(String.format(Locale.ROOT, "  %s: %s MB", sql,
                    mb.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
            return mb;
        } finally {
            for (Connection c : sessions) {
                c.close();
            }
            pids.forEach(BenchRun::awaitExit);
        }
    }

    static List<Double> privateMb(List<Connection> sessions) throws SQLException {
        List<Double> mb = new ArrayList<>();
        for (Connection c : sessions) {
            mb.add(BackendMemory.privateKb(c) / 1024.0);
        }
        return mb;
    }
}
