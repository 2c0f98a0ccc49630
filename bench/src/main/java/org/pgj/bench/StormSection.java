package org.pgj.bench;

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
 * connection, from the common start to its result), and {@code pgbench -C} (a new connection per
 * transaction) calling a Java function against the same transaction calling a plpgsql one.
 */
final class StormSection implements Section {
    static final double SLOWEST_MAX_MS = 3000;
    static final double PGBENCH_MIN_RATIO = 0.5;
    static final int PGBENCH_CLIENTS = 4;

    @Override
    public String name() {
        return "storms";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int n = run.counts().stormConnections();
        run.step("[storms 1/2] " + n + " connections opened at once, each running SELECT 1, then each calling add_one once");
        Measurement base = storm(run, n, "SELECT 1", null, Measurement.Limits.NONE);
        storm(run, n, "SELECT add_one(1)", base, new Measurement.Limits(null, null, null, SLOWEST_MAX_MS));

        int seconds = run.counts().pgbenchSeconds();
        run.step("[storms 2/2] pgbench -C (a new connection per transaction), " + PGBENCH_CLIENTS + " clients, " + seconds
                + " s per run, " + run.counts().pgbenchRounds() + " runs each, alternating");
        String lookup = "\\set k random(1, " + BenchServer.LOOKUP_ROWS + ")\nSELECT %s FROM kv WHERE k = :k;\n";
        List<Double> plpgsql = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        for (int round = 0; round < run.counts().pgbenchRounds(); round++) {
            plpgsql.add(Pgbench.tps(run.bench(), lookup.formatted("add_one_plpgsql(v)"), PGBENCH_CLIENTS, seconds, true, false));
            java.add(Pgbench.tps(run.bench(), lookup.formatted("add_one(v)"), PGBENCH_CLIENTS, seconds, true, false));
            run.step(String.format(Locale.ROOT, "  run %d: plpgsql %.0f tps, Java %.0f tps", round + 1,
                    plpgsql.getLast(), java.getLast()));
        }
        Measurement pl = Measurement.rate("storm", "pgbench -C, plpgsql add_one_plpgsql(v)", lookup.formatted("add_one_plpgsql(v)"),
                "tps", plpgsql, null, null, null);
        run.add(pl);
        run.add(Measurement.rate("storm", "pgbench -C, Java add_one(v)", lookup.formatted("add_one(v)"), "tps", java, pl,
                PGBENCH_MIN_RATIO, null));
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
            Measurement m = Measurement.latency("storm", n + " connections at once, " + sql, sql, ms, base, limits);
            run.add(m);
            run.add(Measurement.memory("storm", n + " backends after " + sql + ", each", sql, mb, null, null));
            run.step(String.format(Locale.ROOT, "  %s: median %.0f ms, slowest %.0f ms; private memory %.0f MB in all",
                    sql, m.value(), m.max(), mb.stream().mapToDouble(Double::doubleValue).sum()));
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
