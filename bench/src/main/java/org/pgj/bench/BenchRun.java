package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.progress.Progress;

/**
 * What every section measures with and into: the server, the counts, the progress output, and
 * the results, with the one timing and recording path the throughput sections share.
 */
final class BenchRun {
    private final BenchServer bench;
    private final Counts counts;
    private final Progress progress;
    private final List<String> jvmOptionVariants;
    private final List<Measurement> results = new ArrayList<>();

    BenchRun(BenchServer bench, Counts counts, Progress progress, List<String> jvmOptionVariants) {
        this.bench = bench;
        this.counts = counts;
        this.progress = progress;
        this.jvmOptionVariants = List.copyOf(jvmOptionVariants);
    }

    BenchServer bench() {
        return bench;
    }

    Counts counts() {
        return counts;
    }

    /** Values of pgj.jvm_options (from --jvm-options) that the first-call section measures next to the default. */
    List<String> jvmOptionVariants() {
        return jvmOptionVariants;
    }

    /** pgj's own JVM options first, then each of {@code --jvm-options}. */
    List<JvmVariant> jvmVariants() {
        List<JvmVariant> variants = new ArrayList<>();
        variants.add(JvmVariant.DEFAULT);
        jvmOptionVariants.forEach(o -> variants.add(new JvmVariant(o)));
        return variants;
    }

    void step(String line) {
        progress.step(line);
    }

    Progress progress() {
        return progress;
    }

    void add(Measurement m) {
        results.add(m);
    }

    List<Measurement> results() {
        return List.copyOf(results);
    }

    /** Times {@code comparison}'s queries side by side on {@code c} and adds one row each. */
    List<Measurement> compare(Connection c, Comparison comparison) throws SQLException {
        Map<String, Connection> sessions = new LinkedHashMap<>();
        try {
            for (Comparison.Query q : comparison.queries()) {
                if (q.database() != null && !comparison.freshSessions() && !sessions.containsKey(q.database())) {
                    sessions.put(q.database(), bench.connect(q.database()));
                }
            }
            Sessions where = comparison.freshSessions() ? Sessions.fresh(bench) : Sessions.kept(c, sessions);
            List<Measurement> rows = comparison.measure(
                    Timing.interleaved(where, comparison.queries(), counts.warmups(), counts.timed(), progress));
            results.addAll(rows);
            return rows;
        } finally {
            for (Connection session : sessions.values()) {
                session.close();
            }
        }
    }

    /** A new session: a new backend, so a new JVM on its first Java call. */
    Connection connect() throws SQLException {
        return bench.connect();
    }

    static long pid(Connection c) throws SQLException {
        return Long.parseLong(Timing.run(c, "SELECT pg_backend_pid()").value());
    }

    /** Waits (up to 10 s) until the backend {@code pid} has exited, so a JVM ending never overlaps a measurement. */
    static void awaitExit(long pid) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
