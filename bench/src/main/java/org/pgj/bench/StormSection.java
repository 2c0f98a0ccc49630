package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Connection storms: many connections opened at once, each running one query (the slowest
 * connection, from the common start to its result, and the CPU time each backend used), and
 * {@code pgbench -C} (a new connection per transaction) calling a Java function against the same
 * transaction calling a plpgsql one and plain SQL. Both are bound by the CPU a backend's JVM start
 * costs, so the section also measures a bare JVM start on this machine ({@link JvmStartFloor}) and
 * states the CPU per start each target leaves.
 */
final class StormSection implements Section {
    static final double SLOWEST_MAX_MS = 3000;
    static final double PGBENCH_MIN_RATIO = 0.5;
    static final int PGBENCH_CLIENTS = 4;
    static final int FLOOR_RUNS = 15;

    @Override
    public String name() {
        return "storms";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int n = run.counts().stormConnections();
        int cores = Runtime.getRuntime().availableProcessors();
        run.step(String.format(Locale.ROOT, "[storms 1/3] %d connections opened at once, each running SELECT 1, then each"
                + " calling add_one once; all answer within %.0f ms only if each backend uses at most %.0f ms of CPU"
                + " (%d CPUs)", n, SLOWEST_MAX_MS, SLOWEST_MAX_MS * cores / n, cores));
        Measurement base = storm(run, n, "SELECT 1", null, Measurement.Limits.NONE);
        storm(run, n, "SELECT add_one(1)", base, new Measurement.Limits(null, null, null, SLOWEST_MAX_MS));

        run.step("[storms 2/3] a bare JVM start, " + FLOOR_RUNS + " times each: java -version with pgj's collector and"
                + " compiler flags, with the JDK's CDS archive and with the server's AOT cache");
        Measurement floorCpu = floor(run, "java -version, the JDK's CDS archive", JvmStartFloor.withJdkArchive());
        List<String> withCache = JvmStartFloor.withPgjCache(run.bench().server().installation().dirs().pgjDir());
        if (withCache == null) {
            run.step("  skipped with the AOT cache: the server's installation has no pgj.aot");
        } else {
            try {
                floorCpu = floor(run, "java -version, the server's pgj.aot", withCache);
            } catch (IllegalStateException e) {
                // A cache recorded with other module options (or another JDK) is refused under -XX:AOTMode=on.
                run.step("  skipped with the AOT cache: " + e.getMessage());
            }
        }

        int seconds = run.counts().pgbenchSeconds();
        run.step("[storms 3/3] pgbench -C (a new connection per transaction), " + PGBENCH_CLIENTS + " clients, " + seconds
                + " s per run, " + run.counts().pgbenchRounds() + " runs each, alternating");
        String lookup = "\\set k random(1, " + BenchServer.LOOKUP_ROWS + ")\nSELECT %s FROM kv WHERE k = :k;\n";
        String[] rows = {"SQL v + 1", "plpgsql add_one_plpgsql(v)", "Java add_one(v)"};
        String[] scripts = {lookup.formatted("v + 1"), lookup.formatted("add_one_plpgsql(v)"), lookup.formatted("add_one(v)")};
        List<List<Double>> tps = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> serverCpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < run.counts().pgbenchRounds(); round++) {
            StringBuilder line = new StringBuilder("  run " + (round + 1) + ":");
            for (int i = 0; i < rows.length; i++) {
                // Each backend exits with its connection; the postmaster, which waits for it, adds its CPU to its own
                // children's: the server's CPU per transaction, whatever share of the machine other load leaves it.
                double before = serverChildrenCpuMs(run);
                double rate = Pgbench.tps(run.bench(), scripts[i], PGBENCH_CLIENTS, seconds, true, false);
                tps.get(i).add(rate);
                serverCpu.get(i).add((serverChildrenCpuMs(run) - before) / (rate * seconds));
                line.append(String.format(Locale.ROOT, " %s %.0f tps (%.1f ms server CPU each),", rows[i].split(" ")[0], rate,
                        serverCpu.get(i).getLast()));
            }
            run.step(line.substring(0, line.length() - 1));
        }
        Measurement pl = null;
        for (int i = 0; i < rows.length; i++) {
            boolean java = i == rows.length - 1;
            Measurement m = Measurement.rate("storm", "pgbench -C, " + rows[i], scripts[i], "tps", tps.get(i), java ? pl : null,
                    java ? PGBENCH_MIN_RATIO : null, null);
            run.add(m);
            run.add(Measurement.latency("storm", "  server CPU per transaction, its connection included", scripts[i],
                    serverCpu.get(i), null, Measurement.Limits.NONE));
            pl = m;
        }
        // The target allows a Java transaction twice a plpgsql one's CPU: its JVM start gets about one plpgsql transaction.
        double plpgsqlMs = Timing.median(serverCpu.get(1));
        run.step(String.format(Locale.ROOT, "  a plpgsql transaction with its connection costs the server %.1f ms of CPU;"
                        + " %.2f× its TPS leaves a Java one ~%.1f ms, its JVM start included; a bare JVM start takes %.0f ms"
                        + " of CPU here, a Java transaction took %.1f ms", plpgsqlMs, PGBENCH_MIN_RATIO,
                plpgsqlMs / PGBENCH_MIN_RATIO, floorCpu.value(), Timing.median(serverCpu.get(2))));
    }

    /** The CPU of the server's exited backends so far: the postmaster's cutime + cstime. */
    private static double serverChildrenCpuMs(BenchRun run) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(run.bench().server().dataDir().resolve("postmaster.pid"))
                    .getFirst().trim());
            return BackendCpu.childrenMs(postmaster);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's postmaster.pid: " + e.getMessage(), e);
        }
    }

    /** {@value #FLOOR_RUNS} runs of {@code command}: a wall-time row and a CPU row; returns the CPU row. */
    private static Measurement floor(BenchRun run, String what, List<String> command) {
        List<JvmStartFloor.Sample> samples = JvmStartFloor.run(command, FLOOR_RUNS);
        String text = String.join(" ", command);
        run.add(Measurement.latency("storm", "JVM start floor: " + what, text,
                samples.stream().map(JvmStartFloor.Sample::wallMs).toList(), null, Measurement.Limits.NONE));
        Measurement cpu = Measurement.latency("storm", "  its CPU (all threads)", text,
                samples.stream().map(JvmStartFloor.Sample::cpuMs).toList(), null, Measurement.Limits.NONE);
        run.add(cpu);
        run.step("  " + what + ": " + JvmStartFloor.describe(samples));
        return cpu;
    }

    /**
     * Opens {@code n} connections at once, each running {@code sql}; records the time from the
     * common start to each one's result, and the backends' private memory while all are open.
     */
    private static Measurement storm(BenchRun run, int n, String sql, Measurement base, Measurement.Limits limits)
            throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Connection> sessions = Collections.synchronizedList(new ArrayList<>());
        List<Long> pids = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            long[] start = new long[1];
            List<Future<Double>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    Connection c = run.connect();
                    sessions.add(c);
                    Timing.run(c, sql);
                    double ms = (System.nanoTime() - start[0]) / 1e6;
                    pids.add(BenchRun.pid(c));
                    return ms;
                }));
            }
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            List<Double> ms = new ArrayList<>();
            for (Future<Double> answer : answers) {
                ms.add(answer.get());
            }
            List<Double> mb = MemorySection.privateMb(sessions);
            // Read once all have answered: what each backend's threads did until then, the JVM's
            // background work (JIT compilations, linking) included, shared the CPUs with every start.
            List<Double> cpu = new ArrayList<>();
            for (long pid : pids) {
                Double backendMs = BackendCpu.ms(pid);
                if (backendMs != null) {
                    cpu.add(backendMs);
                }
            }
            Measurement m = Measurement.latency("storm", n + " connections at once, " + sql, sql, ms, base, limits);
            run.add(m);
            run.add(Measurement.memory("storm", n + " backends after " + sql + ", each", sql, mb, null, null));
            if (!cpu.isEmpty()) {
                run.add(Measurement.latency("storm", n + " backends after " + sql + ", CPU each", sql, cpu, null,
                        Measurement.Limits.NONE));
            }
            run.step(String.format(Locale.ROOT, "  %s: median %.0f ms, slowest %.0f ms; private memory %.0f MB in all;"
                            + " CPU %.0f ms per backend (mean), %.0f ms in all", sql, m.value(), m.max(),
                    mb.stream().mapToDouble(Double::doubleValue).sum(), cpu.isEmpty() ? Double.NaN : Timing.mean(cpu),
                    cpu.stream().mapToDouble(Double::doubleValue).sum()));
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            for (Connection c : sessions) {
                c.close();
            }
            pids.forEach(BenchRun::awaitExit);
        }
    }
}
