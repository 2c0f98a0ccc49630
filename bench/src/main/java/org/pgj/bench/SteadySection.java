package org.pgj.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Steady calls from many clients: pgbench with {@value #CLIENTS} clients, each transaction a
 * single-row lookup that calls Java {@code add_one} on the row's value, against the same with the
 * built-in {@code int4pl}. Only the second half of each run counts, when every backend's JVM has
 * started and warmed up. The function is called on a row's value, so it is never folded at plan time.
 */
final class SteadySection implements Section {
    static final int CLIENTS = 16;
    static final double MIN_RATIO = 0.95;

    @Override
    public String name() {
        return "steady";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int seconds = Math.max(6, run.counts().pgbenchSeconds());
        run.step("[steady] pgbench, " + CLIENTS + " clients, " + seconds + " s per run (the second half counts), "
                + run.counts().pgbenchRounds() + " runs each, alternating");
        String lookup = "\\set k random(1, " + BenchServer.LOOKUP_ROWS + ")\nSELECT %s FROM kv WHERE k = :k;\n";
        List<Double> none = new ArrayList<>();
        List<Double> builtIn = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        for (int round = 0; round < run.counts().pgbenchRounds(); round++) {
            none.add(Pgbench.tps(run.bench(), lookup.formatted("v"), CLIENTS, seconds, false, true));
            builtIn.add(Pgbench.tps(run.bench(), lookup.formatted("int4pl(v, 1)"), CLIENTS, seconds, false, true));
            java.add(Pgbench.tps(run.bench(), lookup.formatted("add_one(v)"), CLIENTS, seconds, false, true));
            run.step(String.format(Locale.ROOT, "  run %d: no function %.0f tps, int4pl %.0f tps, Java add_one %.0f tps",
                    round + 1, none.getLast(), builtIn.getLast(), java.getLast()));
        }
        // Each function's own cost: the wall time per transaction at its rate minus that without a function.
        Measurement without = Measurement.rate("steady", "pgbench " + CLIENTS + " clients, no function (v)",
                lookup.formatted("v"), "tps", none, null, null, null);
        Measurement base = Measurement.rate("steady", "pgbench " + CLIENTS + " clients, int4pl(v, 1)",
                lookup.formatted("int4pl(v, 1)"), "tps", builtIn, null, null, null).withOwnCostOver(without, null);
        run.add(base);
        run.add(without);
        run.add(Measurement.rate("steady", "pgbench " + CLIENTS + " clients, Java add_one(v)", lookup.formatted("add_one(v)"),
                "tps", java, base, MIN_RATIO, null).withOwnCostOver(without, base));
    }
}
