package org.pgj.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * What query hooks written in Java cost: {@value #QUERIES} queries planned and run one by one
 * (PL/pgSQL EXECUTE) in a database where examples/hooks is created (its planner hooks read the
 * query text; while a hook class is active each planning plans a copy of the query; its executor
 * hooks count rows), against the same loop in a database of the same server without it. The
 * hooks get a server of their own ({@code bench-hooks-<major>}, any free port): installed in the
 * benchmark's server, they would put pgj in the hooks of every backend of the other sections.
 */
final class HooksSection implements Section {
    static final int QUERIES = 10_000;
    static final String HOOKED = "pgj_bench_hooks";
    static final String PLAIN = "pgj_bench_no_hooks";
    private static final String HOOKS_STAGE = "examples/hooks/target/pgj/stage";
    /** A join of catalogs, a different constant each time so that nothing is cached: planning is most of each query. */
    private static final String LOOP = """
            CREATE FUNCTION plan_loop(n int) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE s bigint := 0; x bigint;
            BEGIN
              FOR i IN 1..n LOOP
                EXECUTE 'SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace'
                  || ' LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = 1 WHERE c.oid = ' || (i % 3000) INTO x;
                s := s + x;
              END LOOP;
              RETURN s;
            END $$;
            CREATE FUNCTION trivial_loop(n int) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE s bigint := 0; x bigint;
            BEGIN
              FOR i IN 1..n LOOP
                EXECUTE 'SELECT ' || i INTO x;
                s := s + x;
              END LOOP;
              RETURN s;
            END $$;
            """;

    @Override
    public String name() {
        return "hooks";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        Progress p = run.progress();
        BenchServer bench = run.bench();
        PgConfig pg = bench.server().pgConfig();
        Stage hooks;
        try {
            hooks = Stage.read(bench.root().resolve(HOOKS_STAGE));
        } catch (ToolException e) {
            throw new ToolException(e.getMessage() + "\nbuild it first: mvn -B -DskipTests -pl examples/hooks -am install", e);
        }
        PrivateServer server = PrivateServer.of(pg, PrivateServer.defaultHome(), "bench-hooks-" + pg.major(), BenchServer.anyFreePort());
        server.stop(p);
        server.install(bench.stage(), false, p);
        server.install(hooks, false, p);
        server.ensureStarted(p);
        try {
            for (String db : List.of(HOOKED, PLAIN)) {
                server.createDatabase(db, true);
                StringBuilder sql = new StringBuilder();
                BenchServer.SESSION_SETTINGS.forEach((name, value) ->
                        sql.append("ALTER DATABASE ").append(db).append(" SET ").append(name).append(" = ").append(value).append(";\n"));
                // Both load pgj (demo's functions), so both have pgj in the hooks; only one has hook classes active.
                sql.append("CREATE EXTENSION demo;\n").append(db.equals(HOOKED) ? "CREATE EXTENSION hooks;\n" : "").append(LOOP);
                server.psql(db, sql.toString());
            }
            Map<String, Connection> sessions = new LinkedHashMap<>();
            try {
                for (String db : List.of(HOOKED, PLAIN)) {
                    Connection c = DriverManager.getConnection(server.jdbcUrl(db));
                    Timing.run(c, "SELECT add_one(1)"); // pgj.so loaded, the JVM started: hooks in place
                    sessions.put(db, c);
                }
                run.step("[hooks] " + QUERIES + " queries planned and run, with and without examples/hooks' Java hooks active");
                Comparison comparison = Comparison.of("hooks", QUERIES)
                        .baselineIn(PLAIN, "queries, no hook class active", "SELECT plan_loop(" + QUERIES + ")")
                        .addIn(HOOKED, "queries through examples/hooks' Java hooks", "SELECT plan_loop(" + QUERIES + ")", null);
                // A trivial query, where the hooks' own cost shows most.
                Comparison trivial = Comparison.of("hooks trivial", QUERIES)
                        .baselineIn(PLAIN, "SELECT i, no hook class active", "SELECT trivial_loop(" + QUERIES + ")")
                        .addIn(HOOKED, "SELECT i through examples/hooks' Java hooks", "SELECT trivial_loop(" + QUERIES + ")", null);
                Connection own = sessions.get(PLAIN);
                for (Comparison c : List.of(comparison, trivial)) {
                    for (Measurement m : c.measure(Timing.interleaved(own, sessions, c.queries(),
                            run.counts().warmups(), run.counts().timed(), p))) {
                        run.add(m);
                    }
                }
            } finally {
                for (Connection c : sessions.values()) {
                    c.close();
                }
            }
        } finally {
            if (!bench.keepRunning()) {
                server.stop(p);
            }
        }
    }
}
