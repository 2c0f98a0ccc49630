package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;

/** Runs the server's own pgbench with a custom script against the benchmark database and reads its TPS. */
final class Pgbench {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern PROGRESS = Pattern.compile("progress: [0-9.]+ s, ([0-9.]+) tps");

    private Pgbench() {
    }

    /**
     * TPS of {@code script} run for {@code seconds} by {@code clients} clients; with {@code steady},
     * the median of the 2-second progress reports after the first few seconds (when every
     * backend's JVM has started), else the whole run's TPS, connections included.
     */
    static double tps(BenchServer bench, String script, int clients, int seconds, boolean newConnectionEachTransaction,
                      boolean steady) {
        Path file = null;
        try {
            file = Files.createTempFile("pgj-bench-", ".sql");
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(bench.server().pgConfig().bindir().resolve("pgbench").toString(),
                    "-n", "-h", "localhost", "-p", Integer.toString(bench.server().port()), "-U", "postgres",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds),
                    "-f", file.toString()));
            if (newConnectionEachTransaction) {
                command.add("-C");
            }
            if (steady) {
                command.addAll(List.of("-P", "2"));
            }
            command.add(BenchServer.DATABASE);
            Exec.Result r = Exec.run(command, null, Map.of(), seconds + 120L);
            if (!r.ok()) {
                throw new IllegalStateException("pgbench failed (exit " + r.exitCode() + "):\n" + r.tail(20));
            }
            return steady ? steadyTps(r.output(), seconds) : overallTps(r.output());
        } catch (IOException e) {
            throw new ToolException("cannot write a pgbench script (" + e.getMessage() + "): check that java.io.tmpdir is writable", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    private static double overallTps(String output) {
        Matcher m = TPS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps line:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The median of the progress reports of the second half of the run. */
    private static double steadyTps(String output, int seconds) {
        List<Double> reports = new ArrayList<>();
        Matcher m = PROGRESS.matcher(output);
        while (m.find()) {
            reports.add(Double.parseDouble(m.group(1)));
        }
        if (reports.size() < 2) {
            return overallTps(output);
        }
        return Timing.median(reports.subList(reports.size() / 2, reports.size()));
    }
}
