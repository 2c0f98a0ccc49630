package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pgj.test.RunningStatement;
import org.pgj.test.Sql;
import org.pgj.tooling.progress.Progress;

/**
 * The interrupts sections: what stopping Java code that never checks costs a tight loop, and how
 * long a cancel takes to stop it, for every place such code can be (examples/safety's
 * functions). A cancel's latency is from the moment {@code pg_cancel_backend} is sent to the
 * moment the victim's statement has ended with its ERROR, as its client sees it.
 */
final class InterruptsSection implements Section {
    static final double LOOP_MAX_RATIO = 1.05;
    static final double CANCEL_MAX_MEDIAN_MS = 100;
    static final double CANCEL_MAX_P99_MS = 250;
    static final Measurement.Limits CANCEL_LIMITS = new Measurement.Limits(CANCEL_MAX_MEDIAN_MS, null, CANCEL_MAX_P99_MS, null);
    /** Stops the JIT's counted loops from polling for safepoints: what pgj turns on for the watcher. */
    static final String WITHOUT_CHECKS = "-XX:-UseCountedLoopSafepoints";
    private static final String LOOP = "SELECT sum_ints(1000000000)";
    /** What examples/safety's functions set application_name to once they run Java. */
    private static final String RUNNING_JAVA = "pgj: running Java";
    private static final Duration WIDE = Duration.ofSeconds(60);

    /** Each never-returning function of examples/safety, by what it does. */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("a pure loop", "SELECT spin_forever()");
        CASES.put("a loop that only logs", "SELECT log_forever()");
        CASES.put("a loop that catches Throwable", "SELECT swallow_interrupts()");
        CASES.put("Thread.sleep", "SELECT sleep_forever()");
        CASES.put("Object.wait", "SELECT wait_forever()");
        CASES.put("LockSupport.park", "SELECT park_forever()");
        CASES.put("a blocking socket read", "SELECT read_socket_forever()");
        CASES.put("Process.waitFor", "SELECT wait_for_process()");
        CASES.put("regex backtracking", "SELECT regex_backtrack(40)");
        CASES.put("BigInteger.pow", "SELECT big_power(100000000)");
        CASES.put("Arrays.sort of 50M ints", "SELECT sort_random(50000000)");
    }

    @Override
    public String name() {
        return "interrupts";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        List<Measurement> results = new ArrayList<>();
        loopCost(run.bench(), run.counts().warmups(), run.counts().timed(), run.progress(), results);
        cancelLatency(run.bench(), run.counts().interruptSamples(), run.progress(), results);
        results.forEach(run::add);
    }

    /** Summing 10⁹ ints in a counted loop, with the safepoint polls the watcher needs and without. */
    private static void loopCost(BenchServer bench, int warmups, int timed, Progress p, List<Measurement> results) throws SQLException {
        p.step("[interrupts 1/2] the cost of interruptible loops: " + LOOP + ", with and without " + WITHOUT_CHECKS);
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        try (Connection checked = bench.connect(); Connection unchecked = bench.connect()) {
            // A JVM starts with the options of its session's first Java call.
            Sql.run(unchecked, "SET pgj.jvm_options = '" + WITHOUT_CHECKS + "'");
            String expected = null;
            for (int round = 1; round <= warmups + timed; round++) {
                boolean warmup = round <= warmups;
                // Alternating which goes first, so neither always runs on a machine the other warmed.
                Connection first = round % 2 == 0 ? checked : unchecked;
                Connection second = first == checked ? unchecked : checked;
                Timing.Run a = Timing.run(first, LOOP);
                Timing.Run b = Timing.run(second, LOOP);
                if (expected == null) {
                    expected = a.value();
                }
                if (!expected.equals(a.value()) || !expected.equals(b.value())) {
                    throw new IllegalStateException("sum_ints returned " + a.value() + " and " + b.value() + ", expected " + expected);
                }
                double withMs = first == checked ? a.ms() : b.ms();
                double withoutMs = first == checked ? b.ms() : a.ms();
                if (!warmup) {
                    with.add(withMs);
                    without.add(withoutMs);
                }
                p.step(String.format(Locale.ROOT, "  %s %d: with checks %.0f ms, without %.0f ms", warmup ? "warm-up" : "run",
                        warmup ? round : round - warmups, withMs, withoutMs));
            }
        }
        Measurement base = Measurement.throughput("interrupts loop", "sum of 10^9 ints, " + WITHOUT_CHECKS, LOOP, without,
                null, null, 1, null);
        results.add(base);
        results.add(Measurement.throughput("interrupts loop", "sum of 10^9 ints, as pgj runs it", LOOP, with, base, null, 1,
                LOOP_MAX_RATIO));
    }

    /**
     * For every case, {@code samples} cancels of a statement that runs it; and as many sessions
     * whose first call (which starts the JVM) a 5 ms statement_timeout stops.
     */
    private static void cancelLatency(BenchServer bench, int samples, Progress p, List<Measurement> results) throws SQLException {
        p.step("[interrupts 2/2] from pg_cancel_backend to the ERROR: " + samples + " cancels of each of " + CASES.size()
                + " cases, and " + samples + " first calls a 5 ms statement_timeout stops");
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            List<Double> ms = new ArrayList<>();
            try (Connection victim = bench.connect(); Connection observer = bench.connect()) {
                for (int i = 0; i < samples; i++) {
                    Sql.run(victim, "SET application_name = 'pgj bench'");
                    try (RunningStatement running = RunningStatement.start(victim, observer, c.getValue())
                            .awaitApplicationName(RUNNING_JAVA, WIDE)) {
                        ms.add((double) running.stop(RunningStatement.Stop.CANCEL, WIDE));
                        expectCancel(running.outcome(WIDE), c.getValue());
                    }
                }
            }
            p.step(String.format(Locale.ROOT, "  %s: %s ms", c.getKey(), ms));
            results.add(Measurement.latency("interrupts cancel", c.getKey(), c.getValue(), ms, null, CANCEL_LIMITS));
        }
        List<Double> late = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            try (Connection fresh = bench.connect()) {
                Sql.run(fresh, "SET statement_timeout = '5ms'");
                long start = System.nanoTime();
                try {
                    Sql.run(fresh, "SELECT sum_ints(10)");
                    throw new IllegalStateException("a first call with a 5 ms statement_timeout was not stopped");
                } catch (SQLException e) {
                    expectCancel(e, "a first call");
                }
                // From when the timeout fired: 5 ms after the statement started.
                late.add(Math.max(0, (System.nanoTime() - start) / 1e6 - 5));
            }
        }
        p.step(String.format(Locale.ROOT, "  the JVM's start: %s ms", late));
        results.add(Measurement.latency("interrupts cancel", "the JVM's start (statement_timeout)",
                "SET statement_timeout = '5ms'; SELECT sum_ints(10) in a new session", late, null, CANCEL_LIMITS));
    }

    private static void expectCancel(SQLException e, String what) {
        if (e == null || !"57014".equals(e.getSQLState())) {
            throw new IllegalStateException(what + " ended with " + (e == null ? "no error" : e.getSQLState() + " " + e.getMessage())
                    + " instead of a cancel (57014)");
        }
    }
}
