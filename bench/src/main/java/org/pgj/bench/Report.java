package org.pgj.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pgj.tooling.ToolException;

/** The results of one run: printed as a table, written as JSON. */
final class Report {
    private Report() {
    }

    /** Where and how the numbers were taken: enough to tell two result files apart. */
    record Environment(String startedAt, String postgres, String pgConfig, int port, String demoStage, String stageJavaHome,
                       String benchJava, int cpus, String loadAverageAtStart, String loadAverageAtEnd,
                       Map<String, String> sessionSettings, String collation, Counts counts, List<String> jvmOptionVariants,
                       double elapsedSeconds) {
    }

    record Results(Environment environment, List<Measurement> measurements, List<String> failures) {
        static Results of(Environment env, List<Measurement> measurements) {
            List<String> failures = new ArrayList<>();
            for (Measurement m : measurements) {
                if (Boolean.FALSE.equals(m.pass())) {
                    String vs = compared(m);
                    failures.add(m.section() + ": " + m.name() + " " + amount(m.value(), m.unit())
                            + (vs.isEmpty() ? "" : " (" + vs + ")") + ", target " + m.target());
                }
            }
            return new Results(env, measurements, failures);
        }
    }

    static void print(Results r, PrintStream out) {
        Environment e = r.environment();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "median", "spread", "compared", "target", "result"});
        for (Measurement m : r.measurements()) {
            rows.add(new String[] {m.section() + ": " + m.name(), amount(m.value(), m.unit())
                    + (m.statistic().equals("median") ? "" : " (" + m.statistic() + ")"), spread(m), compared(m),
                    m.target() == null ? "" : m.target(), m.pass() == null ? "" : m.pass() ? "PASS" : "FAIL"});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "pgj core benchmark, %s, %s, %d CPUs, load average %s at start, %s at end%n",
                e.startedAt(), e.postgres(), e.cpus(), e.loadAverageAtStart(), e.loadAverageAtEnd());
        Counts n = e.counts();
        out.printf(Locale.ROOT, "port %d; collation %s; throughput: %d runs after %d warm-ups; first call: %d new sessions;"
                + " memory: %d backends each; storms: %d connections; pgbench: %d runs of %d s%n", e.port(), e.collation(),
                n.timed(), n.warmups(), n.firstCallSessions(), n.memoryBackends(), n.stormConnections(), n.pgbenchRounds(),
                n.pgbenchSeconds());
        for (int r0 = 0; r0 < rows.size(); r0++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r0);
            for (int i = 0; i < row.length; i++) {
                line.append(i == 1 ? pad(row[i], width[i], true) : pad(row[i], width[i], false)).append("  ");
            }
            out.println(line.toString().stripTrailing());
            if (r0 == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        out.println();
        long targets = r.measurements().stream().filter(m -> m.pass() != null).count();
        for (String failure : r.failures()) {
            out.println("FAIL " + failure);
        }
        out.println(r.failures().isEmpty() ? "all " + targets + " targets met"
                : r.failures().size() + " of " + targets + " targets missed");
    }

    /** Writes {@code core-<startedAt>.json} and a copy as {@code latest.json}; returns the first. */
    static Path write(Results r, Path dir) {
        ObjectMapper json = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        Path file = dir.resolve("core-" + r.environment().startedAt() + ".json");
        try {
            Files.createDirectories(dir);
            json.writeValue(file.toFile(), r);
            Files.copy(file, dir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ToolException("cannot write the results to " + file + " (" + e.getMessage() + "): check that "
                    + dir + " is writable", e);
        }
        return file;
    }

    private static String spread(Measurement m) {
        if (m.p90() != null) {
            return "p90 " + amount(m.p90(), m.unit()) + ", max " + amount(m.max(), m.unit());
        }
        double max = m.samples().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.1f–%s", m.min(), amount(max, m.unit()));
    }

    /** The ratio as median and min, the function's own cost per call, or the difference to the baseline. */
    private static String compared(Measurement m) {
        StringBuilder s = new StringBuilder();
        if (m.ratio() != null) {
            s.append(String.format(Locale.ROOT, "%.2f× (min %.2f×) %s", m.ratio(), m.ratioOfMinimums(), m.baseline()));
        } else if (m.delta() != null) {
            s.append(String.format(Locale.ROOT, "%+.1f %s vs %s", m.delta(), m.unit(), m.baseline()));
        }
        if (m.nsPerCall() != null) {
            s.append(s.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %.1f ns/call",
                    m.nsPerCallOver() == null ? "whole query" : "own", m.nsPerCall()));
            if (m.ownRatio() != null) {
                s.append(String.format(Locale.ROOT, " = %.2f× the baseline's", m.ownRatio()));
            }
        }
        return s.toString();
    }

    private static String amount(double value, String unit) {
        return String.format(Locale.ROOT, "%.1f %s", value, unit);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
