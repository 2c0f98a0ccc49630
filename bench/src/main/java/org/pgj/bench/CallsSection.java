package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Calls of int, text and set-returning functions over {@value #ROWS} rows, in one session so Java's
 * JIT warms up once and serves them all. Each comparison includes the same query without the
 * function, so every row states the function's own cost per call next to the whole query's ratio.
 */
final class CallsSection implements Section {
    static final long ROWS = 1_000_000;
    static final double INT_MAX_RATIO = 1.15;
    static final double TEXT_MAX_RATIO = 1.05;
    static final double SET_MAX_RATIO = 2.0;
    private static final String SERIES = " FROM generate_series(1, " + ROWS + ") i";

    @Override
    public String name() {
        return "calls";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        try (Connection c = run.connect()) {
            run.step("[calls 1/3] int functions: sum(f(i)) over " + ROWS + " rows");
            Comparison ints = Comparison.of("int", ROWS)
                    .baseline("built-in int4pl", "SELECT sum(int4pl(i, 1))" + SERIES)
                    // sum(i) plus the rows once: the same value without a call per row.
                    .without("no function", "SELECT sum(i) + " + ROWS + SERIES)
                    .add("C add_one_c", "SELECT sum(add_one_c(i))" + SERIES, null)
                    .add("Java add_one", "SELECT sum(add_one(i))" + SERIES, INT_MAX_RATIO)
                    .add("plpgsql add_one_plpgsql", "SELECT sum(add_one_plpgsql(i))" + SERIES, null);
            if (run.bench().hasPython()) {
                ints.add("plpython3u add_one_py", "SELECT sum(add_one_py(i))" + SERIES, null);
            }
            run.compare(c, ints);

            run.step("[calls 2/3] text functions: sum(length(f(md5(i::text)))) over " + ROWS + " rows, the database's collation ("
                    + run.bench().collation() + ") and \"C\"");
            // upper() depends on the collation (glibc's slow path under a UTF-8 locale), Java's toUpperCase does not:
            // the baseline and shout get the same (the database's) one, and upper under "C" shows the fast path.
            run.compare(c, Comparison.of("text", ROWS)
                    .baseline("built-in upper", "SELECT sum(length(upper(md5(i::text))))" + SERIES)
                    .without("md5 only, no function", "SELECT sum(length(md5(i::text)))" + SERIES)
                    .add("Java shout", "SELECT sum(length(shout(md5(i::text))))" + SERIES, TEXT_MAX_RATIO)
                    .add("built-in upper COLLATE \"C\"", "SELECT sum(length(upper(md5(i::text) COLLATE \"C\")))" + SERIES, null));

            run.step("[calls] the same int and text calls, each run in a new connection that first makes one untimed call");
            // The JVM's start is first-call's; what is left is a new backend's cold JIT over a million calls.
            run.compare(c, Comparison.of("int, new connection per run", ROWS).inFreshSessions()
                    .baseline("built-in int4pl", "SELECT sum(int4pl(i, 1))" + SERIES)
                    .without("no function", "SELECT sum(i) + " + ROWS + SERIES)
                    .add("C add_one_c", "SELECT sum(add_one_c(i))" + SERIES, null)
                    .add("Java add_one", "SELECT sum(add_one(i))" + SERIES, "SELECT add_one(0)", null));
            run.compare(c, Comparison.of("text, new connection per run", ROWS).inFreshSessions()
                    .baseline("built-in upper", "SELECT sum(length(upper(md5(i::text))))" + SERIES)
                    .without("md5 only, no function", "SELECT sum(length(md5(i::text)))" + SERIES)
                    .add("Java shout", "SELECT sum(length(shout(md5(i::text))))" + SERIES, "SELECT shout('a')", null));

            run.step("[calls 3/3] set-returning functions: " + ROWS + " rows, one per call (in the select list)");
            run.compare(c, Comparison.of("set", ROWS)
                    .baseline("built-in generate_series", "SELECT sum(x) FROM (SELECT generate_series(1, " + ROWS + ") x) s")
                    .add("C series_c", "SELECT sum(x) FROM (SELECT series_c(" + ROWS + ") x) s", null)
                    .add("Java count_to", "SELECT sum(x) FROM (SELECT count_to(" + ROWS + ") x) s", SET_MAX_RATIO));
        }
    }
}
