package org.pgj.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.build.AotCache;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * The benchmark's own PostgreSQL cluster ({@code bench-<major>} under the pgj home, port
 * 29600+major if free, else any free port; PGJ_BENCH_PORT overrides) with database {@code pgj_bench}: the demo extension,
 * the C baseline, and the plpgsql and plpython3u versions of add_one; for SPI, the spi example
 * extension, a table {@code kv} of {@value #LOOKUP_ROWS} rows and the plpgsql loops it is
 * compared with.
 *
 * <p>Everything is installed into the server's private installation under the pgj home, so no
 * root is needed.
 */
final class BenchServer implements AutoCloseable {
    static final String DATABASE = "pgj_bench";
    static final int PORT_BASE = 29600;
    static final String DEMO_STAGE = "examples/demo/target/pgj/stage";
    static final String SPI_STAGE = "examples/spi/target/pgj/stage";
    static final String BGWORKER_STAGE = "examples/bgworker/target/pgj/stage";
    static final String FUNCTIONS_STAGE = "examples/functions/target/pgj/stage";
    static final String TYPES_STAGE = "examples/types/target/pgj/stage";
    static final String SAFETY_STAGE = "examples/safety/target/pgj/stage";
    static final String FDW_STAGE = "examples/fdw/target/pgj/stage";
    /** The database the foreign data wrappers read from, on the same server. */
    static final String REMOTE_DATABASE = "pgj_bench_remote";
    /** Elements of the int[] and bytes of the text that the types section converts. */
    static final int ARRAY_ELEMENTS = 1_000_000;
    static final int TEXT_BYTES = 10_000_000;
    static final int LOOKUP_ROWS = 100_000;

    /**
     * Applied to every session of the database. No JIT: it would compile only for the queries whose
     * functions have a high COST (plpgsql, plpython, Java), adding compile time to some rows only. No
     * parallel workers: every function runs in the measured backend.
     */
    static final Map<String, String> SESSION_SETTINGS = new TreeMap<>(Map.of("jit", "off",
            "max_parallel_workers_per_gather", "0"));

    private final Path root;
    private final PrivateServer server;
    private final Stage stage;
    private final boolean python;
    private final String collation;
    private final boolean keepRunning;
    private final Progress progress;

    private BenchServer(Path root, PrivateServer server, Stage stage, boolean python, String collation, boolean keepRunning,
                        Progress progress) {
        this.root = root;
        this.server = server;
        this.stage = stage;
        this.python = python;
        this.collation = collation;
        this.keepRunning = keepRunning;
        this.progress = progress;
    }

    /** Installs everything, (re)starts the cluster and creates {@value #DATABASE} from scratch. */
    static BenchServer setUp(Path root, boolean keepRunning, Progress p) {
        PgConfig pg = PgConfig.find(null);
        p.step("using " + pg);
        int port = port(pg, p);
        PlPython.ensureInstalled(pg, p);
        Stage stage = readStage(root, DEMO_STAGE, "examples/demo");
        Stage spiStage = readStage(root, SPI_STAGE, "examples/spi");
        Stage bgworkerStage = readStage(root, BGWORKER_STAGE, "examples/bgworker");
        Stage functionsStage = readStage(root, FUNCTIONS_STAGE, "examples/functions");
        Stage typesStage = readStage(root, TYPES_STAGE, "examples/types");
        Stage safetyStage = readStage(root, SAFETY_STAGE, "examples/safety");
        Stage fdwStage = readStage(root, FDW_STAGE, "examples/fdw");
        PrivateServer server = PrivateServer.of(pg, PrivateServer.defaultHome(), "bench-" + pg.major(), port);
        // Into the server's private installation (no root needed), like every private server.
        server.install(stage, false, p);
        server.install(spiStage, false, p);
        server.install(bgworkerStage, false, p);
        server.install(functionsStage, false, p);
        server.install(typesStage, false, p);
        server.install(safetyStage, false, p);
        server.install(fdwStage, false, p);
        CFunction.buildAndInstall(pg, server.installation().dirs().pkglibdir(), root.resolve("bench/src/main/c"),
                root.resolve("bench/target/c"), p);

        // A restart, so no backend of an earlier run still has an older pgj.so or pgj_bench_c.so mapped.
        server.stop(p);
        server.ensureStarted(p);
        AotCache.ensure(server, p);
        server.createDatabase(DATABASE, true);
        boolean python = server.psql(DATABASE,
                "SELECT count(*) FROM pg_available_extensions WHERE name = 'plpython3u'").trim().equals("1");
        if (!python) {
            p.step("WARNING: plpython3u is not available to the benchmark's server, its rows are skipped");
        }
        String collation = server.psql(DATABASE, "SELECT datcollate FROM pg_database WHERE datname = current_database()").trim();
        StringBuilder sql = new StringBuilder();
        SESSION_SETTINGS.forEach((name, value) ->
                sql.append("ALTER DATABASE ").append(DATABASE).append(" SET ").append(name).append(" = ").append(value).append(";\n"));
        sql.append("CREATE EXTENSION demo;\n")
                .append(CFunction.CREATE_SQL).append(";\n")
                .append("CREATE FUNCTION add_one_plpgsql(i int4) RETURNS int4 LANGUAGE plpgsql STRICT IMMUTABLE\n")
                .append("  AS $$ BEGIN RETURN i + 1; END $$;\n");
        // Sets: the functions example's count_to against generate_series and series_c.
        sql.append("CREATE EXTENSION functions;\n");
        // SPI: the spi example's lookup_loop and cursor_sum against the same loops in plpgsql.
        // Background workers: the bgworker example's timed worker and job queue.
        sql.append("CREATE EXTENSION bgworker;\n");
        sql.append("CREATE EXTENSION spi;\n")
                .append("INSERT INTO kv SELECT g, g FROM generate_series(1, ").append(LOOKUP_ROWS).append(") g;\n")
                .append("ANALYZE kv;\n")
                .append("""
                        CREATE FUNCTION lookup_loop_plpgsql(n int4) RETURNS int8 LANGUAGE plpgsql AS $$
                        DECLARE s int8 := 0; x int4;
                        BEGIN
                          FOR i IN 1..n LOOP
                            SELECT v INTO x FROM kv WHERE k = i;
                            s := s + x;
                          END LOOP;
                          RETURN s;
                        END $$;
                        CREATE FUNCTION cursor_sum_plpgsql(n int4) RETURNS int8 LANGUAGE plpgsql AS $$
                        DECLARE s int8 := 0; r record;
                        BEGIN
                          FOR r IN SELECT g FROM generate_series(1, n) g LOOP
                            s := s + r.g;
                          END LOOP;
                          RETURN s;
                        END $$;
                        """);
        // Interrupts: the safety example's code that never checks for them. Arrays.sort of 50M ints needs a larger heap.
        sql.append("CREATE EXTENSION safety;\n")
                .append("ALTER DATABASE ").append(DATABASE).append(" SET pgj.heap_max = '1GB';\n");
        // Types: one large int[] and one large text, converted by Java and by the server's own I/O.
        sql.append("CREATE EXTENSION types;\n")
                .append("CREATE TABLE big_values AS SELECT array(SELECT generate_series(1, ").append(ARRAY_ELEMENTS)
                .append(")) AS a, repeat('abcdefghij', ").append(TEXT_BYTES / 10).append(") AS t;\n");
        // Foreign data wrappers: the fdw example's jdbc wrapper against postgres_fdw, both reading another database here.
        server.createDatabase(REMOTE_DATABASE, true);
        server.psql(REMOTE_DATABASE, "CREATE TABLE big AS SELECT i AS id, md5(i::text) AS label FROM generate_series(1, "
                + FdwSection.ROWS + ") i;\nANALYZE big;\n");
        boolean postgresFdw = server.psql(DATABASE,
                "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgres_fdw'").trim().equals("1");
        sql.append("CREATE EXTENSION wrappers;\n")
                .append("CREATE SERVER jdbc_remote FOREIGN DATA WRAPPER jdbc OPTIONS (url 'jdbc:postgresql://localhost:")
                .append(server.port()).append('/').append(REMOTE_DATABASE).append("', fetch_size '1000');\n")
                .append("CREATE USER MAPPING FOR PUBLIC SERVER jdbc_remote OPTIONS (user 'postgres');\n")
                .append("CREATE FOREIGN TABLE jdbc_big (id int, label text) SERVER jdbc_remote OPTIONS (table 'public.big');\n");
        if (postgresFdw) {
            sql.append("CREATE EXTENSION postgres_fdw;\n")
                    .append("CREATE SERVER pg_remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '")
                    .append(server.port()).append("', dbname '").append(REMOTE_DATABASE).append("', fetch_size '1000');\n")
                    .append("CREATE USER MAPPING FOR PUBLIC SERVER pg_remote OPTIONS (user 'postgres');\n")
                    .append("CREATE FOREIGN TABLE pg_big (id int, label text) SERVER pg_remote OPTIONS (table_name 'big');\n");
        } else {
            p.step("WARNING: postgres_fdw is not available to the benchmark's server, the fdw section is skipped");
        }
        if (python) {
            sql.append("CREATE EXTENSION plpython3u;\n")
                    .append("CREATE FUNCTION add_one_py(i int4) RETURNS int4 LANGUAGE plpython3u STRICT IMMUTABLE\n")
                    .append("  AS $$ return i + 1 $$;\n");
        }
        server.psql(DATABASE, sql.toString());
        p.step("database " + DATABASE + " is ready on port " + server.port() + " (demo, add_one_c, series_c, add_one_plpgsql"
                + (python ? ", add_one_py" : "") + "; functions; bgworker; spi, kv, lookup_loop_plpgsql, cursor_sum_plpgsql;"
                + " types, big_values)");
        return new BenchServer(root, server, stage, python, collation, keepRunning, p);
    }

    private static Stage readStage(Path root, String stage, String module) {
        try {
            return Stage.read(root.resolve(stage));
        } catch (ToolException e) {
            throw new ToolException(e.getMessage() + "\nbuild it first: mvn -B -DskipTests -pl " + module + " -am install"
                    + " (bench/run does it for you)", e);
        }
    }

    /** PGJ_BENCH_PORT if set; else 29600+major if it is free, else a free port the system picks. */
    private static int port(PgConfig pg, Progress p) {
        String env = System.getenv("PGJ_BENCH_PORT");
        if (env != null && !env.isBlank()) {
            try {
                int port = Integer.parseInt(env.trim());
                p.step("port " + port + " (PGJ_BENCH_PORT)");
                return port;
            } catch (NumberFormatException e) {
                throw new ToolException("PGJ_BENCH_PORT='" + env + "' is not a port number: set it to a free port", e);
            }
        }
        int preferred = PORT_BASE + pg.major();
        int port = isFree(preferred) ? preferred : anyFreePort();
        p.step("port " + port + (port == preferred ? "" : " (" + preferred + " is taken)")
                + ", free on localhost; PGJ_BENCH_PORT overrides");
        return port;
    }

    /** Whether nothing listens on {@code port} on localhost, nor has its Unix socket in /tmp or /var/run/postgresql. */
    private static boolean isFree(int port) {
        if (Files.exists(Path.of("/tmp/.s.PGSQL." + port)) || Files.exists(Path.of("/var/run/postgresql/.s.PGSQL." + port))) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int anyFreePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (isFree(socket.getLocalPort()) || attempt == 19) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new ToolException("cannot find a free port on localhost (" + e.getMessage() + "): set PGJ_BENCH_PORT", e);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A new session in {@value #DATABASE}: a new backend, so a new JVM on its first Java call. */
    Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    /** A new session in another database of the benchmark's server. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database));
    }

    /** The database's collation (datcollate): what upper() and the text functions run under. */
    String collation() {
        return collation;
    }

    boolean hasPython() {
        return python;
    }

    /** The pgj checkout. */
    Path root() {
        return root;
    }

    PrivateServer server() {
        return server;
    }

    /** Whether the servers stay up after the run (--keep-server). */
    boolean keepRunning() {
        return keepRunning;
    }

    /** The demo extension's stage that was installed. */
    Stage stage() {
        return stage;
    }

    /** Stops the cluster (it holds shared memory) unless asked to keep it for a look with psql. */
    @Override
    public void close() {
        if (keepRunning) {
            progress.step("leaving the server running: psql -h localhost -p " + server.port() + " -U postgres " + DATABASE);
        } else {
            server.stop(progress);
        }
    }
}
