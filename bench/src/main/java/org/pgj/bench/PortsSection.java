package org.pgj.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.server.PrivateServer;

/**
 * The ports of issue 15 against their C originals: pg_similarity's measures over a million pairs
 * of strings and first_last_agg's {@code first()}/{@code last()} over a million rows, grouped and
 * not. The originals are built with PGXS from {@code ../shared/ports} and installed as
 * {@code pg_similarity_c} and {@code first_last_agg_c} ({@link PortOriginal}); each side has a
 * database of its own with the same tables ({@value #C_DATABASE}, {@value #JAVA_DATABASE}), so the
 * two libraries, which define the same settings, never meet in one backend. Every query must
 * return the same value on both sides.
 */
final class PortsSection implements Section {
    static final String C_DATABASE = "pgj_bench_ports_c";
    static final String JAVA_DATABASE = "pgj_bench_ports_java";
    static final double MAX_RATIO = 1.5;
    static final int ROWS = 1_000_000;
    /** {@code ports}: every comparison; {@code ports-first-last}: first_last_agg's only, minutes shorter. */
    private final boolean similarity;
    private static final String TABLES = """
            CREATE TABLE pairs AS SELECT 'Euler ' || (i %% 997) || ' Taveira de ' || chr(65 + i %% 26) || ' Oliveira' AS a,
                'Euler ' || (i %% 991) || ' T. ' || chr(65 + i %% 23) || ' Oliveira ' || (i %% 7) AS b
                FROM generate_series(1, %1$d) i;
            CREATE TABLE series AS SELECT i %% 1000 AS g, i AS v FROM generate_series(1, %1$d) i;
            VACUUM ANALYZE pairs;
            VACUUM ANALYZE series;
            """.formatted(ROWS);

    PortsSection(boolean similarity) {
        this.similarity = similarity;
    }

    @Override
    public String name() {
        return similarity ? "ports" : "ports-first-last";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        setUp(run);
        run.step("[ports] pg_similarity over " + ROWS + " pairs of strings, first_last_agg over " + ROWS
                + " rows: the Java ports against their C originals");
        // The short queries first: the C original's q-grams take minutes a round.
        measure(run, "ports first/last", "SELECT first(v)::text || ' ' || last(v)::text FROM series");
        measure(run, "ports first/last grouped", "SELECT sum(f)::text || ' ' || sum(l)::text"
                + " FROM (SELECT g, first(v) f, last(v) l FROM series GROUP BY g) s");
        if (!similarity) {
            return;
        }
        measure(run, "ports similarity: jaccard", "SELECT round(sum(jaccard(a, b))::numeric, 6) FROM pairs");
        measure(run, "ports similarity: block operator", "SELECT count(*) FROM pairs WHERE a ~++ b");
        measure(run, "ports similarity: lev", "SELECT round(sum(lev(a, b))::numeric, 6) FROM pairs");
        measure(run, "ports similarity: qgram", "SELECT round(sum(qgram(a, b))::numeric, 6) FROM pairs");
    }

    private static void measure(BenchRun run, String section, String sql) throws SQLException {
        // Each query runs in its side's own session; the section has none of its own.
        run.compare(null, Comparison.of(section, ROWS)
                .baselineIn(C_DATABASE, "C original", sql)
                .addIn(JAVA_DATABASE, "Java port", sql, MAX_RATIO));
    }

    private static void setUp(BenchRun run) {
        BenchServer bench = run.bench();
        PrivateServer server = bench.server();
        Path root = bench.root();
        Path ports = PortOriginal.portsFolder(root);
        for (String module : new String[] {"examples/ports/similarity", "examples/ports/first-last-agg"}) {
            server.install(Stage.read(root.resolve(module).resolve("target/pgj/stage")), false, run.progress());
        }
        for (PortOriginal original : new PortOriginal[] {PortOriginal.PG_SIMILARITY, PortOriginal.FIRST_LAST_AGG}) {
            original.buildAndInstall(server.pgConfig(), server.installation().dirs(), ports,
                    root.resolve("bench/target/ports"), run.progress());
        }
        for (String database : new String[] {C_DATABASE, JAVA_DATABASE}) {
            server.createDatabase(database, true);
            StringBuilder sql = new StringBuilder();
            BenchServer.SESSION_SETTINGS.forEach((name, value) -> sql.append("ALTER DATABASE ").append(database)
                    .append(" SET ").append(name).append(" = ").append(value).append(";\n"));
            String suffix = database.equals(C_DATABASE) ? "_c" : "";
            sql.append("CREATE EXTENSION pg_similarity").append(suffix).append(";\n")
                    .append("CREATE EXTENSION first_last_agg").append(suffix).append(";\n")
                    .append(TABLES);
            server.psql(database, sql.toString());
        }
        run.step("databases " + C_DATABASE + " (pg_similarity_c, first_last_agg_c) and " + JAVA_DATABASE
                + " (the ports) are ready, each with " + ROWS + " pairs and rows");
    }
}
