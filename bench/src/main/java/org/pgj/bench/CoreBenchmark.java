package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;

/**
 * The core benchmark's main: parses the arguments, sets up the private server and runs the
 * sections (each a class of its own) side by side in one run, so only ratios taken under the same
 * load are compared; then prints the table and writes the JSON.
 *
 * <p>Run it with {@code bench/run} (builds first) or {@code mvn -q -pl bench exec:java}. Missed
 * targets are printed as FAIL lines but do not change the exit status; only a setup or
 * measurement error does (exit 1).
 */
public final class CoreBenchmark {
    /** Every section, in the order they run; --only names them. */
    static final List<Section> SECTIONS = List.of(new CallsSection(), new SpiSection(), new TypesSection(),
            new FirstCallSection(), new MemorySection(), new StormSection(), new ParallelSection(), new SteadySection(),
            new WorkersSection(), new InterruptsSection(), new FdwSection(), new HooksSection(),
            new PortsSection("ports", PortsSection.Part.values()),
            new PortsSection("ports-first-last", PortsSection.Part.FIRST_LAST),
            new PortsSection("ports-numeral", PortsSection.Part.NUMERAL));

    private CoreBenchmark() {
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
        Set<String> only = new LinkedHashSet<>(takeValues(args, "--only"));
        List<String> jvmOptions = takeValues(args, "--jvm-options");
        List<String> names = SECTIONS.stream().map(Section::name).toList();
        Path explicitRoot = null;
        if (args.size() == 2 && args.get(0).equals("--root")) {
            explicitRoot = Path.of(args.get(1));
        } else if (!args.isEmpty() || !names.containsAll(only)) {
            System.err.println("""
                    usage: bench/run [--quick] [--keep-server] [--only SECTION]... [--jvm-options OPTIONS]... [--root PGJ_CHECKOUT]
                      --quick        1 warm-up, 3 runs and fewer sessions: checks the setup, the numbers mean little
                      --keep-server  leave the benchmark's PostgreSQL running afterwards (for psql)
                      --only         run only these sections: """ + String.join(", ", names) + """

                      --jvm-options  first-call also measures new sessions with this pgj.jvm_options, side by side
                    environment: PG_CONFIG, PGJ_HOME, PGJ_BENCH_PORT (default: 29600+major if free, else any free port)""");
            return 2;
        }
        Path root = findRoot(explicitRoot);
        Counts counts = quick ? Counts.QUICK : Counts.FULL;
        Progress p = Progress.console();
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String loadAtStart = loadAverage();
        long start = System.nanoTime();

        p.step("[setup] demo, functions, spi, bgworker, types and safety extensions, C library, private server, database "
                + BenchServer.DATABASE);
        try (BenchServer bench = BenchServer.setUp(root, keepServer, p)) {
            BenchRun run = new BenchRun(bench, counts, p, jvmOptions);
            for (Section section : SECTIONS) {
                if (only.isEmpty() || only.contains(section.name())) {
                    section.run(run);
                }
            }
            Stage stage = bench.stage();
            Report.Environment env = new Report.Environment(startedAt, "PostgreSQL " + bench.server().pgConfig().version(),
                    bench.server().pgConfig().path().toString(), bench.server().port(), stage.dir().toString(),
                    stage.javaHome().toString(), Runtime.version().toString(), Runtime.getRuntime().availableProcessors(),
                    loadAtStart, loadAverage(), BenchServer.SESSION_SETTINGS, bench.collation(), counts, jvmOptions,
                    (System.nanoTime() - start) / 1e9);
            Report.Results results = Report.Results.of(env, run.results());
            Path file = Report.write(results, root.resolve("bench/target/results"));
            Report.print(results, System.out);
            System.out.println("results: " + file + " (and latest.json beside it)");
        }
        return 0;
    }

    /** Removes every {@code option VALUE} pair from {@code args} and returns the values. */
    private static List<String> takeValues(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        int at;
        while ((at = args.indexOf(option)) >= 0 && at + 1 < args.size()) {
            values.add(args.remove(at + 1));
            args.remove(at);
        }
        return values;
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

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
