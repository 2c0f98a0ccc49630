package org.pgj.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.server.PrivateServer;

/**
 * The ports of issue 15 against their C originals: pg_similarity's measures over a million pairs
 * of strings, first_last_agg's {@code first()}/{@code last()} over a million rows, grouped and
 * not, and numeral's text input and output, sort and btree index build over a million values. The
 * originals are built with PGXS from {@code ../shared/ports} and installed as
 * {@code pg_similarity_c}, {@code first_last_agg_c} and {@code numeral_c} ({@link PortOriginal}); each side has a
 * database of its own with the same tables ({@value #C_DATABASE}, {@value #JAVA_DATABASE}), so the
 * two libraries, which define the same settings, never meet in one backend. Every query must
 * return the same value on both sides.
 */
final class PortsSection implements Section {
    static final String C_DATABASE = "pgj_bench_ports_c";
    static final String JAVA_DATABASE = "pgj_bench_ports_java";
    static final double MAX_RATIO = 1.5;
    static final int ROWS = 1_000_000;
    /** Which ports a section compares: {@code ports} all, the others one each, minutes shorter. */
    enum Part {
        FIRST_LAST, NUMERAL, SIMILARITY
    }

    private final String name;
    private final java.util.Set<Part> parts;
    private static final String TABLES = """
            CREATE TABLE pairs AS SELECT 'Euler ' || (i %% 997) || ' Taveira de ' || chr(65 + i %% 26) || ' Oliveira' AS a,
                'Euler ' || (i %% 991) || ' T. ' || chr(65 + i %% 23) || ' Oliveira ' || (i %% 7) AS b
                FROM generate_series(1, %1$d) i;
            CREATE TABLE series AS SELECT i %% 1000 AS g, i AS v FROM generate_series(1, %1$d) i;
            CREATE TABLE numerals AS SELECT (i::bigint * 7919 %% 1000003)::numeral AS n,
                (i::bigint * 7919 %% 1000003)::numeral::text AS w FROM generate_series(1, %1$d) i;
            CREATE FUNCTION build_numeral_index() RETURNS int LANGUAGE plpgsql AS $f$
                BEGIN CREATE INDEX numerals_n ON numerals (n); DROP INDEX numerals_n; RETURN 1; END $f$;
            VACUUM ANALYZE pairs;
            VACUUM ANALYZE series;
            VACUUM ANALYZE numerals;
            """.formatted(ROWS);

    PortsSection(String name, Part... parts) {
        this.name = name;
        this.parts = java.util.EnumSet.copyOf(java.util.List.of(parts));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        setUp(run);
        run.step("[" + name + "] " + parts + " over " + ROWS + " rows: the Java ports against their C originals");
        // The short queries first: the C original's q-grams take minutes a round.
        if (parts.contains(Part.FIRST_LAST)) {
            measure(run, "ports first/last", "SELECT first(v)::text || ' ' || last(v)::text FROM series");
            measure(run, "ports first/last grouped", "SELECT sum(f)::text || ' ' || sum(l)::text"
                    + " FROM (SELECT g, first(v) f, last(v) l FROM series GROUP BY g) s");
        }
        if (parts.contains(Part.NUMERAL)) {
            measure(run, "ports numeral: text input", "SELECT sum(w::numeral::bigint) FROM numerals");
            measure(run, "ports numeral: text output", "SELECT sum(length(n::text)) FROM numerals");
            measure(run, "ports numeral: ORDER BY", "SELECT n::text FROM (SELECT n FROM numerals ORDER BY n OFFSET "
                    + (ROWS - 1) + ") s");
            measure(run, "ports numeral: btree index build", "SELECT build_numeral_index()");
        }
        if (!parts.contains(Part.SIMILARITY)) {
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
        for (String module : new String[] {"examples/ports/similarity", "examples/ports/first-last-agg",
                "examples/ports/numeral"}) {
            server.install(Stage.read(root.resolve(module).resolve("target/pgj/stage")), false, run.progress());
        }
        for (PortOriginal original : new PortOriginal[] {PortOriginal.PG_SIMILARITY, PortOriginal.FIRST_LAST_AGG,
                PortOriginal.NUMERAL}) {
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
                    .append("CREATE EXTENSION numeral").append(suffix).append(";\n")
                    .append(TABLES);
            server.psql(database, sql.toString());
        }
        run.step("databases " + C_DATABASE + " (pg_similarity_c, first_last_agg_c, numeral_c) and " + JAVA_DATABASE
                + " (the ports) are ready, each with " + ROWS + " pairs and rows");
    }
}
