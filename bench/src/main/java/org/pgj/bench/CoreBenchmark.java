package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;

/**
 * The core benchmark: what a call into Java costs next to built-in, C, plpgsql and plpython3u
 * functions, what running SQL from Java through SPI costs next to the same loop in plpgsql, how
 * long the first call in a session (which starts the JVM) takes, and how much private memory a
 * backend with a JVM holds. Everything is measured side by side in one run on a
 * private server, so only ratios taken under the same load are compared.
 *
 * <p>Run it with {@code bench/run} (builds first) or {@code mvn -q -pl bench exec:java}. It needs
 * write access to pg_config's pkglibdir and sharedir (it installs the demo extension and a small C
 * library there). Missed targets are printed as FAIL lines but do not change the exit status;
 * only a setup or measurement error does (exit 1).
 */
public final class CoreBenchmark {
    static final long ROWS = 1_000_000;
    static final double JAVA_INT_MAX_RATIO = 1.5;
    static final double JAVA_TEXT_MAX_RATIO = 1.3;
    static final double FIRST_CALL_MAX_MEDIAN_MS = 150;
    static final double WORKER_START_MAX_MS = 300;
    static final double JOBS_MIN_PER_SECOND = 5000;
    static final int JOBS = 20_000;
    static final double JAVA_SET_MAX_RATIO = 2.0;
    static final double SPI_LOOKUP_MAX_RATIO = 1.0;
    static final double SPI_CURSOR_MAX_RATIO = 1.5;
    static final double TYPES_MAX_RATIO = 2.0;

    private static final String SERIES = " FROM generate_series(1, " + ROWS + ") i";
    /** What --only may name. */
    static final List<String> SECTIONS = List.of("calls", "spi", "types", "first-call", "memory", "workers", "interrupts");

    /** How many runs and samples; {@code --quick} only checks that everything works. */
    record Counts(int warmups, int timed, int firstCallSessions, int memoryBackends, int interruptSamples) {
        static final Counts FULL = new Counts(3, 5, 15, 10, 20);
        static final Counts QUICK = new Counts(1, 3, 5, 3, 3);
    }

    private final BenchServer bench;
    private final Counts counts;
    private final Progress progress;
    private final List<Measurement> results = new ArrayList<>();

    private CoreBenchmark(BenchServer bench, Counts counts, Progress progress) {
        this.bench = bench;
        this.counts = counts;
        this.progress = progress;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(new ArrayList<>(List.of(args)));
        } catch (ToolException e) {
            System.err.println("bench: " + e.getMessage());
            exit = 1;
        } catch (SQLException | IllegalStateException e) {
            System.err.println("bench: the benchmark failed: " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    static int run(List<String> args) throws SQLException {
        boolean quick = args.remove("--quick");
        boolean keepServer = args.remove("--keep-server");
        Set<String> only = new LinkedHashSet<>();
        int at;
        while ((at = args.indexOf("--only")) >= 0 && at + 1 < args.size()) {
            only.add(args.remove(at + 1));
            args.remove(at);
        }
        Path explicitRoot = null;
        if (args.size() == 2 && args.get(0).equals("--root")) {
            explicitRoot = Path.of(args.get(1));
        } else if (!args.isEmpty() || !SECTIONS.containsAll(only)) {
            System.err.println("""
                    usage: bench/run [--quick] [--keep-server] [--only SECTION]... [--root PGJ_CHECKOUT]
                      --quick        1 warm-up, 3 runs and fewer sessions: checks the setup, the numbers mean little
                      --keep-server  leave the benchmark's PostgreSQL running afterwards (for psql)
                      --only         run only these sections: """ + String.join(", ", SECTIONS) + """

                    environment: PG_CONFIG, PGJ_HOME, PGJ_BENCH_PORT (default 29600+major)""");
            return 2;
        }
        Path root = findRoot(explicitRoot);
        Counts counts = quick ? Counts.QUICK : Counts.FULL;
        Progress p = Progress.console();
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String loadAtStart = loadAverage();
        long start = System.nanoTime();

        p.step("[1/9] setup: demo, functions, spi, bgworker, types and safety extensions, C library, private server, database " + BenchServer.DATABASE);
        try (BenchServer bench = BenchServer.setUp(root, keepServer, p)) {
            CoreBenchmark benchmark = new CoreBenchmark(bench, counts, p);
            if (only.isEmpty() || only.contains("calls")) {
                benchmark.throughput();
            }
            if (only.isEmpty() || only.contains("spi")) {
                benchmark.spi();
            }
            if (only.isEmpty() || only.contains("types")) {
                benchmark.types();
            }
            if (only.isEmpty() || only.contains("first-call")) {
                benchmark.firstCall();
            }
            if (only.isEmpty() || only.contains("memory")) {
                benchmark.memory();
            }
            if (only.isEmpty() || only.contains("workers")) {
                benchmark.workers();
            }
            if (only.isEmpty() || only.contains("interrupts")) {
                InterruptBenchmark.loopCost(bench, counts.warmups(), counts.timed(), p, benchmark.results);
                InterruptBenchmark.cancelLatency(bench, counts.interruptSamples(), p, benchmark.results);
            }
            Stage stage = bench.stage();
            Report.Environment env = new Report.Environment(startedAt, "PostgreSQL " + bench.server().pgConfig().version(),
                    bench.server().pgConfig().path().toString(), bench.server().port(), stage.dir().toString(),
                    stage.javaHome().toString(), Runtime.version().toString(), Runtime.getRuntime().availableProcessors(),
                    loadAtStart, loadAverage(), BenchServer.SESSION_SETTINGS, ROWS, counts.warmups(), counts.timed(),
                    counts.firstCallSessions(), counts.memoryBackends(), (System.nanoTime() - start) / 1e9);
            Report.Results results = Report.Results.of(env, benchmark.results);
            Path file = Report.write(results, root.resolve("bench/target/results"));
            Report.print(results, System.out);
            System.out.println("results: " + file + " (and latest.json beside it)");
        }
        return 0;
    }

    /** Sections 2 to 4: one session, so Java's JIT warms up once and serves them all. */
    private void throughput() throws SQLException {
        try (Connection c = bench.connect()) {
            progress.step("[2/9] int functions: sum(f(i)) over " + ROWS + " rows");
            Map<String, String> ints = new LinkedHashMap<>();
            ints.put("built-in int4pl", "SELECT sum(int4pl(i, 1))" + SERIES);
            ints.put("C add_one_c", "SELECT sum(add_one_c(i))" + SERIES);
            ints.put("Java add_one", "SELECT sum(add_one(i))" + SERIES);
            ints.put("plpgsql add_one_plpgsql", "SELECT sum(add_one_plpgsql(i))" + SERIES);
            if (bench.hasPython()) {
                ints.put("plpython3u add_one_py", "SELECT sum(add_one_py(i))" + SERIES);
            }
            record(ints, Timing.interleaved(c, ints, counts.warmups(), counts.timed(), progress), "int",
                    Map.of("Java add_one", JAVA_INT_MAX_RATIO));

            progress.step("[3/9] text functions: sum(length(f(md5(i::text)))) over " + ROWS + " rows");
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("built-in upper", "SELECT sum(length(upper(md5(i::text))))" + SERIES);
            texts.put("Java shout", "SELECT sum(length(shout(md5(i::text))))" + SERIES);
            // No target: shows how much of the time is md5 and the rest of the query, not f.
            texts.put("md5 only, no f", "SELECT sum(length(md5(i::text)))" + SERIES);
            record(texts, Timing.interleaved(c, texts, counts.warmups(), counts.timed(), progress), "text",
                    Map.of("Java shout", JAVA_TEXT_MAX_RATIO));

            progress.step("[4/9] set-returning functions: " + ROWS + " rows, one per call (in the select list)");
            Map<String, String> sets = new LinkedHashMap<>();
            sets.put("built-in generate_series", "SELECT sum(x) FROM (SELECT generate_series(1, " + ROWS + ") x) s");
            sets.put("C series_c", "SELECT sum(x) FROM (SELECT series_c(" + ROWS + ") x) s");
            sets.put("Java count_to", "SELECT sum(x) FROM (SELECT count_to(" + ROWS + ") x) s");
            record(sets, Timing.interleaved(c, sets, counts.warmups(), counts.timed(), progress), "set",
                    Map.of("Java count_to", JAVA_SET_MAX_RATIO));
        }
    }

    /**
     * Section 4, in a session of its own: a prepared single-row SELECT run {@value BenchServer#LOOKUP_ROWS}
     * times, and {@value #ROWS} rows read through a cursor, each by Java through SPI and by the same
     * loop in plpgsql (the baseline).
     */
    private void spi() throws SQLException {
        try (Connection c = bench.connect()) {
            int lookups = BenchServer.LOOKUP_ROWS;
            progress.step("[5/9] SPI: a prepared single-row SELECT " + lookups + " times; " + ROWS + " rows through a cursor");
            Map<String, String> lookup = new LinkedHashMap<>();
            lookup.put("plpgsql SELECT INTO loop", "SELECT lookup_loop_plpgsql(" + lookups + ")");
            lookup.put("Java lookup_loop", "SELECT lookup_loop(" + lookups + ")");
            record(lookup, Timing.interleaved(c, lookup, counts.warmups(), counts.timed(), progress), "spi lookup",
                    Map.of("Java lookup_loop", SPI_LOOKUP_MAX_RATIO), lookups);
            Map<String, String> cursor = new LinkedHashMap<>();
            cursor.put("plpgsql FOR r IN SELECT", "SELECT cursor_sum_plpgsql(" + ROWS + ")");
            cursor.put("Java cursor_sum", "SELECT cursor_sum('SELECT g FROM generate_series(1, " + ROWS + ") g', 1000)");
            record(cursor, Timing.interleaved(c, cursor, counts.warmups(), counts.timed(), progress), "spi cursor",
                    Map.of("Java cursor_sum", SPI_CURSOR_MAX_RATIO), ROWS);
        }
    }

    /**
     * Section 5: converting one large value to Java and back (an int[] of {@value BenchServer#ARRAY_ELEMENTS}
     * elements, a text of {@value BenchServer#TEXT_BYTES} bytes) against the server's own output and input
     * functions for the same value. Both read the same stored, TOASTed value.
     */
    private void types() throws SQLException {
        try (Connection c = bench.connect()) {
            progress.step("[6/9] types: an int[] of " + BenchServer.ARRAY_ELEMENTS + " elements and a text of "
                    + BenchServer.TEXT_BYTES + " bytes, to Java and back");
            Map<String, String> arrays = new LinkedHashMap<>();
            arrays.put("int[] array_out + array_in", "SELECT array_length(a::text::int4[], 1) FROM big_values");
            arrays.put("int[] Java echo_ints", "SELECT array_length(echo_ints(a), 1) FROM big_values");
            // No target: reading with every element boxed (Integer[]), to compare with the int[] path.
            arrays.put("int[] read as Integer[] (count_nulls)", "SELECT array_length(a, 1) + count_nulls(a) FROM big_values");
            record(arrays, Timing.interleaved(c, arrays, counts.warmups(), counts.timed(), progress), "types int[]",
                    Map.of("int[] Java echo_ints", TYPES_MAX_RATIO), 1);
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("text textout + textin", "SELECT length(textin(textout(t))) FROM big_values");
            texts.put("text Java echo_text", "SELECT length(echo_text(t)) FROM big_values");
            record(texts, Timing.interleaved(c, texts, counts.warmups(), counts.timed(), progress), "types text",
                    Map.of("text Java echo_text", TYPES_MAX_RATIO), 1);
        }
    }

    private void record(Map<String, String> queries, Map<String, List<Double>> times, String section,
                        Map<String, Double> maxRatios) {
        record(queries, times, section, maxRatios, ROWS);
    }

    /** Adds one row per query; the first query of {@code queries} is the baseline of the others. */
    private void record(Map<String, String> queries, Map<String, List<Double>> times, String section,
                        Map<String, Double> maxRatios, long rows) {
        Measurement base = null;
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Measurement m = Measurement.throughput(section, q.getKey(), q.getValue(), times.get(q.getKey()), base, rows,
                    maxRatios.get(q.getKey()));
            base = base == null ? m : base;
            results.add(m);
        }
    }

    /**
     * Section 4: the first query of a new session, alternating between the baseline and the Java
     * call. Each backend is gone before the next session opens, so a JVM shutting down never
     * overlaps a measurement.
     */
    private void firstCall() throws SQLException {
        progress.step("[7/9] first call: " + counts.firstCallSessions() + " new sessions each for SELECT 1 and SELECT add_one(1)");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("new session SELECT 1", "SELECT 1");
        queries.put("new session SELECT add_one(1)", "SELECT add_one(1)");
        Map<String, List<Double>> times = new LinkedHashMap<>();
        queries.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int i = 1; i <= counts.firstCallSessions(); i++) {
            StringBuilder line = new StringBuilder("  session " + i + "/" + counts.firstCallSessions() + ":");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                long pid;
                try (Connection c = bench.connect()) {
                    Timing.Run run = Timing.run(c, q.getValue());
                    times.get(q.getKey()).add(run.ms());
                    line.append(String.format(Locale.ROOT, " %s %.1f ms,", q.getValue(), run.ms()));
                    pid = Long.parseLong(Timing.run(c, "SELECT pg_backend_pid()").value());
                }
                awaitExit(pid);
            }
            line.setLength(line.length() - 1);
            progress.step(line.toString());
        }
        Measurement base = Measurement.latency("new session SELECT 1", "SELECT 1", times.get("new session SELECT 1"),
                null, null);
        results.add(base);
        results.add(Measurement.latency("new session SELECT add_one(1)", "SELECT add_one(1)",
                times.get("new session SELECT add_one(1)"), base, FIRST_CALL_MAX_MEDIAN_MS));
    }

    /**
     * Section 6: background workers. A dynamic worker's start: until waitForStartup() returns, and
     * until it has run its Java entry point and exited; then the job queue example's throughput
     * with 2 workers.
     */
    private void workers() throws SQLException {
        progress.step("[9/9] background workers: " + counts.firstCallSessions() + " dynamic worker starts, job queue with 2 workers");
        List<Double> startup = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        try (Connection c = bench.connect()) {
            for (int i = 0; i < counts.firstCallSessions(); i++) {
                String[] ms = Timing.run(c, "SELECT time_worker_start()").value().split(" ");
                startup.add(Double.parseDouble(ms[0]));
                java.add(Double.parseDouble(ms[1]));
            }
            progress.step(String.format(Locale.ROOT, "  waitForStartup: %s ms; Java ran and exited: %s ms", startup, java));
            results.add(Measurement.latency("bgworker", "dynamic worker: waitForStartup", "time_worker_start()", startup,
                    null, WORKER_START_MAX_MS));
            results.add(Measurement.latency("bgworker", "dynamic worker: Java ran, exited", "time_worker_start()", java,
                    null, WORKER_START_MAX_MS));

            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < Math.max(1, counts.timed() / 2); round++) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("TRUNCATE jobs");
                }
                Timing.run(c, "SELECT submit_jobs(" + JOBS + ")");
                Timing.run(c, "SELECT start_job_workers(2)");
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (Long.parseLong(Timing.run(c, "SELECT count(*) FROM jobs WHERE status = 'queued'").value()) > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the job workers did not finish " + JOBS + " jobs in 120 s");
                    }
                    sleep(50);
                }
                Timing.run(c, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'pgj job worker'");
                rates.add(Double.parseDouble(Timing.run(c,
                        "SELECT count(*) / extract(epoch FROM max(done_at) - min(done_at)) FROM jobs").value()));
            }
            progress.step(String.format(Locale.ROOT, "  job queue: %s jobs/s", rates));
            results.add(Measurement.rate("bgworker", "job queue, 2 workers", "submit_jobs(" + JOBS + ")", "jobs/s", rates,
                    JOBS_MIN_PER_SECOND));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Section 5: private memory of backends that never called Java, then of backends that did. */
    private void memory() throws SQLException {
        progress.step("[8/9] memory: private memory of " + counts.memoryBackends() + " backends without and with a JVM");
        Measurement base = Measurement.memory("backend without Java", "SELECT 1", backendsMb("SELECT 1"), null);
        results.add(base);
        results.add(Measurement.memory("backend after add_one(1)", "SELECT add_one(1)", backendsMb("SELECT add_one(1)"), base));
    }

    /** Opens the backends together, runs {@code sql} in each, reads each one's private memory (MB). */
    private List<Double> backendsMb(String sql) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try {
            List<Double> mb = new ArrayList<>();
            for (int i = 0; i < counts.memoryBackends(); i++) {
                Connection c = bench.connect();
                sessions.add(c);
                Timing.run(c, sql);
                pids.add(Long.parseLong(Timing.run(c, "SELECT pg_backend_pid()").value()));
            }
            for (Connection c : sessions) {
                mb.add(BackendMemory.privateKb(c) / 1024.0);
            }
            progress.step(String.format(Locale.ROOT, "  %s: %s MB", sql,
                    mb.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
            return mb;
        } finally {
            for (Connection c : sessions) {
                c.close();
            }
            pids.forEach(CoreBenchmark::awaitExit);
        }
    }

    /** Waits (up to 10 s) until the backend {@code pid} has exited. */
    private static void awaitExit(long pid) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The pgj checkout: {@code --root}, else the first folder upwards from here with bench/ and examples/. */
    static Path findRoot(Path explicit) {
        Path start = explicit != null ? explicit : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = explicit != null ? null : dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml")) && Files.isDirectory(dir.resolve("examples"))) {
                return dir;
            }
        }
        throw new ToolException("cannot find the pgj checkout (a folder with bench/pom.xml and examples/) "
                + (explicit != null ? "at " + explicit : "in or above " + start) + ": run from the checkout or pass --root DIR");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
