package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Foreign data wrappers: {@value #ROWS} rows of another database of the same server read through
 * the fdw example's JDBC wrapper (pgjdbc inside the backend) and through contrib's postgres_fdw
 * (the baseline), 1000 rows per fetch each. The subquery's OFFSET 0 keeps postgres_fdw from
 * pushing the count down, so both move every row.
 */
final class FdwSection implements Section {
    static final int ROWS = 1_000_000;
    static final double MAX_RATIO = 2.0;

    @Override
    public String name() {
        return "fdw";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        try (Connection c = run.connect()) {
            if (!"1".equals(Timing.run(c, "SELECT count(*) FROM pg_foreign_table WHERE ftrelid = to_regclass('pg_big')").value())) {
                run.step("[fdw] skipped: postgres_fdw is not installed (Debian: postgresql-contrib)");
                return;
            }
            run.step("[fdw] " + ROWS + " rows through the jdbc wrapper and postgres_fdw");
            run.compare(c, Comparison.of("fdw scan", ROWS)
                    .baseline("postgres_fdw", "SELECT count(label) FROM (SELECT * FROM pg_big OFFSET 0) s")
                    .add("Java jdbc wrapper", "SELECT count(label) FROM (SELECT * FROM jdbc_big OFFSET 0) s", MAX_RATIO));
        }
    }
}
