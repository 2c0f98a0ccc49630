package org.pgj.bench;

import java.sql.SQLException;

/** One part of the benchmark: the name {@code --only} takes, and how it measures into a run's results. */
interface Section {
    /** What {@code --only} names it. */
    String name();

    /** Measures and adds its rows to {@code run}. */
    void run(BenchRun run) throws SQLException;
}
