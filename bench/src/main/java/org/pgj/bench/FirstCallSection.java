package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first Java call in a new connection, from the query's start to its result: a fresh
 * connection per sample, each backend gone before the next opens, alternating with the baseline
 * {@code SELECT 1} and with each {@code --jvm-options} variant, so all rows see the same load.
 * Each Java sample also reports its split (JVM created, runtime booted, function resolved), the
 * rest being the call itself and what the split does not time (loading libjvm, the watchers).
 */
final class FirstCallSection implements Section {
    static final Measurement.Limits TARGET = new Measurement.Limits(50.0, 80.0, null, null);
    static final String CALL = "SELECT add_one(1)";
    static final String SOME_CALLS = "SELECT sum(add_one(i)) FROM generate_series(1, 100000) i";

    @Override
    public String name() {
        return "first-call";
    }

    /** One row: the server, and what the new session sets (untimed) before its first query. */
    private record Variant(String name, String setup, String sql, Sessions sessions) {
        Variant(String name, String setup, String sql, BenchRun run) {
            this(name, setup, sql, run::connect);
        }
    }

    /** Where a variant's new sessions connect. */
    private interface Sessions {
        Connection connect() throws SQLException;
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        try (PackagedInstall packaged = PackagedInstall.setUp(run.bench(), run.progress())) {
            run(run, packaged);
        }
    }

    private void run(BenchRun run, PackagedInstall packaged) throws SQLException {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("new session SELECT 1", null, "SELECT 1", run));
        for (JvmVariant v : run.jvmVariants()) {
            variants.add(new Variant("new session " + CALL + v.suffix(), v.setup(), CALL, run));
            // Backends that work at once: JVM flags that cut the start can slow what follows it.
            variants.add(new Variant("new session, 100k add_one calls first" + v.suffix(), v.setup(), SOME_CALLS, run));
            variants.add(new Variant("new session, 1M shout calls first" + v.suffix(), v.setup(), MemorySection.MANY_CALLS, run));
        }
        // A `pgj package`d install: its first session records the server's own AOT cache, the others use it.
        Variant packagedCall = new Variant("new session " + CALL + ", packaged install", null, CALL, packaged::connect);
        recordOwnCache(run, packaged, packagedCall);
        variants.add(packagedCall);
        int sessions = run.counts().firstCallSessions();
        run.step("[first-call] " + sessions + " new sessions for each of: "
                + String.join("; ", variants.stream().map(Variant::name).toList()));
        Map<Variant, List<Double>> times = new LinkedHashMap<>();
        Map<Variant, List<StartSplit>> splits = new LinkedHashMap<>();
        Map<Variant, List<Double>> cpu = new LinkedHashMap<>();
        variants.forEach(v -> {
            times.put(v, new ArrayList<>());
            splits.put(v, new ArrayList<>());
            cpu.put(v, new ArrayList<>());
        });
        for (int i = 1; i <= sessions; i++) {
            StringBuilder line = new StringBuilder("  session " + i + "/" + sessions + ":");
            // Rotated like the throughput rounds, so no variant always runs right after the same one.
            List<Variant> order = new ArrayList<>(variants);
            java.util.Collections.rotate(order, -(i % order.size()));
            for (Variant v : order) {
                long pid;
                try (Connection c = v.sessions().connect()) {
                    Timing.execute(c, StartSplit.REPORTING);
                    if (v.setup() != null) {
                        Timing.execute(c, v.setup());
                    }
                    Timing.Run r = Timing.run(c, v.sql());
                    times.get(v).add(r.ms());
                    StartSplit split = StartSplit.of(r.notices());
                    if (split != null) {
                        splits.get(v).add(split);
                    }
                    pid = BenchRun.pid(c);
                    Double cpuMs = BackendCpu.settledMs(pid);
                    if (cpuMs != null) {
                        cpu.get(v).add(cpuMs);
                    }
                    line.append(String.format(Locale.ROOT, " %.0f ms%s%s,", r.ms(), split == null ? ""
                            : String.format(Locale.ROOT, " (created %.0f, booted %.0f, resolved %.0f)", split.createdMs(),
                            split.bootedMs(), split.resolvedMs()), cpuMs == null ? "" : String.format(Locale.ROOT, " cpu %.0f", cpuMs)));
                }
                BenchRun.awaitExit(pid);
            }
            line.setLength(line.length() - 1);
            run.step(line.toString());
        }
        Measurement base = null;
        for (Variant v : variants) {
            boolean pgjDefault = v.setup() == null && v.sql().equals(CALL); // the dev server's and the packaged install's
            Measurement m = Measurement.latency("first call", v.name(), v.sql(), times.get(v), base,
                    pgjDefault ? TARGET : Measurement.Limits.NONE);
            run.add(m);
            base = base == null ? m : base;
            recordSplit(run, v, times.get(v), splits.get(v));
            recordCpu(run, v, cpu.get(v));
        }
    }

    /**
     * The packaged install's first session, whose backend records the server's own AOT cache (a
     * row without a target: once per server and JDK), then waits until the cache is written.
     */
    private static void recordOwnCache(BenchRun run, PackagedInstall packaged, Variant call) throws SQLException {
        Timing.Run r;
        long pid;
        try (Connection c = call.sessions().connect()) {
            Timing.execute(c, StartSplit.REPORTING);
            r = Timing.run(c, call.sql());
            pid = BenchRun.pid(c);
        }
        BenchRun.awaitExit(pid);
        packaged.awaitOwnCache();
        run.step(String.format(Locale.ROOT, "  packaged install: the session that recorded the AOT cache %.0f ms", r.ms()));
        run.add(Measurement.latency("first call", "new session " + CALL + ", packaged install, recording its AOT cache",
                call.sql(), List.of(r.ms()), null, Measurement.Limits.NONE));
    }

    /**
     * The backend's CPU time (all threads, user + system) from its start until it is idle after the
     * call: what a storm of new connections shares on two cores. No row if this process may not read /proc.
     */
    private static void recordCpu(BenchRun run, Variant v, List<Double> cpu) {
        if (!cpu.isEmpty()) {
            run.add(Measurement.latency("first call", "  backend CPU (user + system, 10 ms ticks)", v.sql() + " (/proc/<pid>/stat)",
                    cpu, null, Measurement.Limits.NONE));
        }
    }

    /** The split of a variant's samples as rows of their own; none if the server sent no split. */
    private static void recordSplit(BenchRun run, Variant v, List<Double> totals, List<StartSplit> split) {
        if (split.isEmpty()) {
            return;
        }
        String sql = v.sql() + " (DEBUG1 notices)";
        run.add(Measurement.latency("first call", "  JVM created", sql, split.stream().map(StartSplit::createdMs).toList(),
                null, Measurement.Limits.NONE));
        run.add(Measurement.latency("first call", "  Java runtime booted", sql, split.stream().map(StartSplit::bootedMs).toList(),
                null, Measurement.Limits.NONE));
        run.add(Measurement.latency("first call", "  function resolved", sql,
                split.stream().map(StartSplit::resolvedMs).toList(), null, Measurement.Limits.NONE));
        if (split.size() == totals.size()) {
            List<Double> rest = new ArrayList<>();
            for (int i = 0; i < totals.size(); i++) {
                StartSplit s = split.get(i);
                rest.add(totals.get(i) - s.createdMs() - s.bootedMs() - s.resolvedMs());
            }
            run.add(Measurement.latency("first call", "  the rest (libjvm, watchers, the call)", sql, rest, null,
                    Measurement.Limits.NONE));
        }
    }
}
