package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQL from Java through SPI, in a session of its own: a prepared single-row SELECT run
 * {@value BenchServer#LOOKUP_ROWS} times, and {@value CallsSection#ROWS} rows read through a
 * cursor, each by Java and by the same loop in plpgsql (the baseline); and a server function
 * called from Java through SPI (the baseline) and directly through fmgr ({@code Server.call}).
 */
final class SpiSection implements Section {
    static final double LOOKUP_MAX_RATIO = 0.9;
    static final double CURSOR_MAX_RATIO = 1.5;
    /** A direct fmgr call skips SPI's parse, plan and executor: it must cost well under half. */
    static final double DIRECT_MAX_RATIO = 0.5;
    static final int DIRECT_CALLS = 100_000;

    @Override
    public String name() {
        return "spi";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int lookups = BenchServer.LOOKUP_ROWS;
        long rows = CallsSection.ROWS;
        try (Connection c = run.connect()) {
            run.step("[spi] a prepared single-row SELECT " + lookups + " times; " + rows + " rows through a cursor");
            run.compare(c, Comparison.of("spi lookup", lookups)
                    .baseline("plpgsql SELECT INTO loop", "SELECT lookup_loop_plpgsql(" + lookups + ")")
                    .add("Java lookup_loop", "SELECT lookup_loop(" + lookups + ")", LOOKUP_MAX_RATIO));
            run.compare(c, Comparison.of("spi cursor", rows)
                    .baseline("plpgsql FOR r IN SELECT", "SELECT cursor_sum_plpgsql(" + rows + ")")
                    .add("Java cursor_sum", "SELECT cursor_sum('SELECT g FROM generate_series(1, " + rows + ") g', 1000)",
                            CURSOR_MAX_RATIO));
            run.step("[spi] pg_catalog.textlen called " + DIRECT_CALLS + " times from Java: through SPI and through fmgr");
            run.compare(c, Comparison.of("direct call", DIRECT_CALLS)
                    .baseline("Java SPI SELECT textlen($1)", "SELECT spi_textlen(" + DIRECT_CALLS + ", 'abc')")
                    .add("Java Server.call textlen", "SELECT direct_textlen(" + DIRECT_CALLS + ", 'abc')", DIRECT_MAX_RATIO));
        }
    }
}
