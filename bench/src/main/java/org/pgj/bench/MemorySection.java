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

    /** How long the backends stay idle before the second reading: the JIT's start-up compilations done, and a native heap trim. */
    static final long SETTLE_MS = 3000;

    @Override
    public void run(BenchRun run) throws SQLException {
        int n = run.counts().memoryBackends();
        run.step("[memory] private memory of " + n + " backends each: without Java, after one call, after "
                + CallsSection.ROWS + " text calls; read at once and again after " + SETTLE_MS + " ms idle");
        Measurement base = backends(run, null, "backend without Java", "SELECT 1", null, null).getFirst();
        // Side by side with the default: each --jvm-options variant, without targets.
        for (JvmVariant v : run.jvmVariants()) {
            backends(run, v.setup(), "backend after add_one(1)" + v.suffix(), "SELECT add_one(1)", base,
                    v.isDefault() ? AFTER_ONE_CALL_MAX_MB : null);
            backends(run, v.setup(), "backend after " + CallsSection.ROWS + " shout calls" + v.suffix(), MANY_CALLS, base,
                    v.isDefault() ? AFTER_MANY_CALLS_MAX_MB : null);
        }
    }

    /**
     * Opens the backends together, runs {@code setup} (if not null) and {@code sql} in each, and adds
     * two rows: their private memory at once (held to {@code maxMb}) and after {@value #SETTLE_MS} ms idle.
     */
    private static List<Measurement> backends(BenchRun run, String setup, String name, String sql, Measurement base,
                                              Double maxMb) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try {
            for (int i = 0; i < run.counts().memoryBackends(); i++) {
                Connection c = run.connect();
                sessions.add(c);
                if (setup != null) {
                    Timing.execute(c, setup);
                }
                Timing.run(c, sql);
                pids.add(BenchRun.pid(c));
            }
            List<Double> now = privateMb(sessions);
            BenchRun.sleep(SETTLE_MS);
            List<Double> settled = privateMb(sessions);
            run.step(String.format(Locale.ROOT, "  %s%s: %s MB, %s MB idle", setup == null ? "" : setup + "; ", sql,
                    format(now), format(settled)));
            Measurement first = Measurement.memory("memory", name, sql, now, base, maxMb);
            run.add(first);
            run.add(Measurement.memory("memory", "  the same " + SETTLE_MS + " ms idle later", sql, settled, base, null));
            return List.of(first);
        } finally {
            for (Connection c : sessions) {
                c.close();
            }
            pids.forEach(BenchRun::awaitExit);
        }
    }

    private static List<String> format(List<Double> mb) {
        return mb.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList();
    }

    static List<Double> privateMb(List<Connection> sessions) throws SQLException {
        List<Double> mb = new ArrayList<>();
        for (Connection c : sessions) {
            mb.add(BackendMemory.privateKb(c) / 1024.0);
        }
        return mb;
    }
}
