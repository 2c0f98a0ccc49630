package org.pgj.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.build.AotCache;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.PgjRuntime;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

/**
 * The server, stage and database every {@link PgjTest} class of a test JVM shares, set up once:
 * installing and creating the database cost seconds, far more than most tests.
 */
final class TestEnvironment {
    static final String STAGE_PROPERTY = "pgj.stage";
    static final String DEFAULT_STAGE = "target/pgj/stage";
    static final String RUNNER_SCHEMA = "pgj_test";
    /**
     * {@code -Dpgj.test.jit=force} compiles every query of the test database with JIT (llvmjit,
     * inlining and optimisation included), as a server with JIT on does for expensive queries.
     * The server itself keeps PostgreSQL's default JIT settings.
     */
    static final String JIT_PROPERTY = "pgj.test.jit";
    private static final List<String> FORCED_JIT = List.of("jit = on", "jit_above_cost = 0",
            "jit_inline_above_cost = 0", "jit_optimize_above_cost = 0");
    private static final int LOG_LINES = 30;

    private static TestEnvironment current;
    private static RuntimeException failure;

    private final TestServer server;

    private TestEnvironment(TestServer server) {
        this.server = server;
    }

    /** The environment, set up on first call; a set-up failure is remembered and thrown again. */
    static synchronized TestEnvironment get() {
        if (current == null && failure == null) {
            try {
                current = setUp(Progress.console());
            } catch (RuntimeException e) {
                // Every later class fails fast with the same reason instead of retrying a slow start.
                failure = e;
            }
        }
        if (failure != null) {
            throw new TestSetupException(reason(failure), failure);
        }
        return current;
    }

    /** pgj-tooling's messages say what to do; anything else is unexpected, so name its class. */
    private static String reason(RuntimeException e) {
        return e instanceof ToolException || e instanceof TestSetupException ? e.getMessage()
                : "setting up the pgj test server failed: " + e;
    }

    /**
     * Forgets the environment (not the server, which keeps running for the next run), so that
     * another test run in this JVM, as IDEs do, installs the stage afresh.
     */
    static synchronized void forget() {
        current = null;
        failure = null;
    }

    TestServer server() {
        return server;
    }

    static Path stageDir() {
        return Path.of(System.getProperty(STAGE_PROPERTY, DEFAULT_STAGE)).toAbsolutePath();
    }

    /** {@code pgj_test_<ext>}. */
    static String databaseName(String extension) {
        return "pgj_test_" + extension;
    }

    /** The SQL that makes {@code pgj_test.run(class, method)} in the test database. */
    static List<String> runnerSql(String extension, PgjRuntime runtime) {
        String language = "pgj_" + extension + Stage.TEST_SUFFIX;
        String module = runtime.modulePathname();
        return List.of(
                "CREATE SCHEMA " + RUNNER_SCHEMA,
                // The language's name selects the class path: pgj_<ext>__test → $sharedir/pgj/<ext>__test/.
                "CREATE FUNCTION " + RUNNER_SCHEMA + ".call_handler() RETURNS language_handler"
                        + " AS '" + module + "', 'pgj_call_handler' LANGUAGE C",
                // As every pgj language has: the runner's AS clause is checked when it is created.
                "CREATE FUNCTION " + RUNNER_SCHEMA + ".validator(oid) RETURNS void"
                        + " AS '" + module + "', 'pgj_validator' LANGUAGE C STRICT",
                "CREATE LANGUAGE " + language + " HANDLER " + RUNNER_SCHEMA + ".call_handler VALIDATOR "
                        + RUNNER_SCHEMA + ".validator",
                // STRICT: the runtime refuses NULL for a non-@Nullable String of a non-strict function.
                "CREATE FUNCTION " + RUNNER_SCHEMA + ".run(class_name text, method_name text) RETURNS text STRICT"
                        + " LANGUAGE " + language
                        + " AS 'org.pgj.test.backend.BackendTestRunner.run(java.lang.String,java.lang.String)'");
    }

    private static TestEnvironment setUp(Progress progress) {
        Stage stage = Stage.read(stageDir());
        warnIfStale(stage, progress);
        PrivateServer server = PrivateServer.forTests(pgConfig(stage), pgjHome());
        return new TestEnvironment(prepare(server, stage, progress));
    }

    /** The stage's own pg_config: its pgj runtime was built against it. */
    static PgConfig pgConfig(Stage stage) {
        return Files.isExecutable(stage.pgConfig()) ? PgConfig.find(stage.pgConfig()) : PgConfig.find(null);
    }

    static Path pgjHome() {
        String home = System.getProperty("pgj.home");
        return home == null || home.isBlank() ? PrivateServer.defaultHome() : Path.of(home);
    }

    /**
     * Starts {@code server}, installs the stage into its private installation (no root, and the
     * system's folders stay as they are), and makes the test database with the extension.
     */
    static TestServer prepare(PrivateServer server, Stage stage, Progress progress) {
        server.ensureStarted(progress);
        server.install(stage, true, progress);
        AotCache.ensure(server, progress);

        String db = databaseName(stage.extension());
        TestServer testServer = new TestServer(server, db, progress);
        try {
            server.createDatabase(db, true);
        } catch (ToolException e) {
            throw withLog(e.getMessage(), server, e);
        }
        boolean forceJit = jitForced();
        String step = "CREATE EXTENSION " + stage.extension();
        try (Connection c = testServer.connect(); Statement s = c.createStatement()) {
            if (forceJit) {
                for (String setting : FORCED_JIT) {
                    // Sessions opened after this one, and workers connecting to the database, take them.
                    s.execute("ALTER DATABASE " + db + " SET " + setting);
                    s.execute("SET " + setting);
                }
            }
            s.execute(step);
            for (String sql : runnerSql(stage.extension(), stage.runtime())) {
                step = sql;
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw withLog("setting up the test database " + db + " failed at `" + step + "`: " + e.getMessage()
                    + "\nfix the cause (the extension's install script, or the installed files), then run again", server, e);
        }
        progress.step("testing " + stage.extension() + " " + stage.version() + " in database " + db + " on port "
                + server.port() + (forceJit ? ", every query compiled by JIT" : "") + " (server log: "
                + server.logFile() + ")");
        return testServer;
    }

    private static boolean jitForced() {
        String value = System.getProperty(JIT_PROPERTY, "");
        return switch (value) {
            case "", "default" -> false;
            case "force" -> true;
            default -> throw new TestSetupException("-D" + JIT_PROPERTY + "=" + value
                    + " is not understood: use force (every query compiled by JIT) or default", null);
        };
    }

    private static TestSetupException withLog(String message, PrivateServer server, Exception cause) {
        return new TestSetupException(message + "\nlast " + LOG_LINES + " lines of " + server.logFile() + ":\n"
                + String.join("\n", server.lastLogLines(LOG_LINES)), cause);
    }

    /**
     * An IDE may run the tests without the build step that restages, and the backend would then
     * run old classes; say so, since the symptom (a test that ignores an edit) is baffling.
     */
    private static void warnIfStale(Stage stage, Progress progress) {
        Path target = stage.dir().getParent() == null ? null : stage.dir().getParent().getParent();
        if (target == null) {
            return;
        }
        try {
            long staged = Files.getLastModifiedTime(stage.dir().resolve(Stage.PROPERTIES)).toMillis();
            for (Path classes : List.of(target.resolve("classes"), target.resolve("test-classes"))) {
                if (Files.isDirectory(classes) && newerThan(classes, staged)) {
                    progress.step("warning: " + classes + " is newer than the stage " + stage.dir() + ": in-backend tests "
                            + "run the staged classes; restage with mvn process-test-classes (or run mvn test)");
                    return;
                }
            }
        } catch (IOException e) {
            // only a warning
        }
    }

    private static boolean newerThan(Path dir, long millis) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() > millis;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
