package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.build.NativeBuild;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.PgjRuntime;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;

/**
 * Extensions built with two pgj versions in one installation (docs/internals.md, "Two pgj
 * versions side by side"). The second version's runtime is built here from the same sources
 * under another version name, as building pgj with another version property does: its own
 * {@code pgj-<version>.so} and {@code pgj/lib/<version>/}. The extension {@code safety_twin} is
 * safety's jar on that runtime. Both serve sessions of one database and of another; one session
 * that reaches both gets a clear 0A000 and carries on; upgrading the twin to a third version and
 * removing the second leave safety working.
 */
@PgjTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoPgjVersionsTest {
    private static final PgjRuntime TWIN = new PgjRuntime("0.0.9-twin");
    private static final PgjRuntime TWIN_NEXT = new PgjRuntime("0.0.10-twin");
    private static final String OTHER_DB = "pgj_two_versions_latin1";

    private final Stage stage = Stage.read(Path.of("target/pgj/stage"));
    private final PgConfig pg = PgConfig.find(stage.pgConfig());
    private Path pkglibdir;
    private Path sharedir;

    @BeforeAll
    void installTheTwinOnItsOwnRuntime(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            pkglibdir = Path.of((String) one(c, "SELECT setting FROM pg_config WHERE name = 'PKGLIBDIR'"));
            sharedir = Path.of((String) one(c, "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'"));
            Sql.exec(c, "DROP EXTENSION IF EXISTS safety_twin", "DROP DATABASE IF EXISTS " + OTHER_DB + " WITH (FORCE)");
        }
        removeTwinFiles();
        installRuntime(TWIN);
        Path jars = sharedir.resolve("pgj/safety_twin");
        Files.createDirectories(jars);
        try (Stream<Path> all = Files.list(sharedir.resolve("pgj/safety"))) {
            for (Path jar : all.filter(f -> f.toString().endsWith(".jar")).toList()) {
                readable(Files.copy(jar, jars.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING));
            }
        }
        writeExtensionFile("safety_twin.control", "default_version = '1'\nmodule_pathname = '" + TWIN.modulePathname()
                + "'\nencoding = UTF8\nrelocatable = false\nsuperuser = true\n");
        writeExtensionFile("safety_twin--1.sql", """
                CREATE FUNCTION pgj_safety_twin_call_handler() RETURNS language_handler AS 'MODULE_PATHNAME', 'pgj_call_handler' LANGUAGE C;
                CREATE FUNCTION pgj_safety_twin_validator(oid) RETURNS void AS 'MODULE_PATHNAME', 'pgj_validator' LANGUAGE C STRICT;
                CREATE LANGUAGE pgj_safety_twin HANDLER pgj_safety_twin_call_handler VALIDATOR pgj_safety_twin_validator;
                CREATE FUNCTION twin_sum_ints(n integer) RETURNS bigint LANGUAGE pgj_safety_twin STRICT
                  AS 'org.pgj.examples.safety.NeverChecks.sumInts(int)';
                """);
        // Moving an extension to another pgj version re-creates its handler and validator in the new runtime.
        writeExtensionFile("safety_twin--1--2.sql", """
                CREATE OR REPLACE FUNCTION pgj_safety_twin_call_handler() RETURNS language_handler AS 'MODULE_PATHNAME', 'pgj_call_handler' LANGUAGE C;
                CREATE OR REPLACE FUNCTION pgj_safety_twin_validator(oid) RETURNS void AS 'MODULE_PATHNAME', 'pgj_validator' LANGUAGE C STRICT;
                """);
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE EXTENSION safety_twin", "GRANT USAGE ON SCHEMA public TO PUBLIC",
                    "DO $$ BEGIN CREATE ROLE pgj_two_versions_user LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                    "CREATE DATABASE " + OTHER_DB + " ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
    }

    @AfterAll
    void removeTheTwin(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "DROP EXTENSION IF EXISTS safety_twin", "DROP DATABASE IF EXISTS " + OTHER_DB + " WITH (FORCE)");
        }
        removeTwinFiles();
    }

    @Test
    @Order(1)
    void eachVersionServesItsOwnSessionsAndTheHandlerNamesItsRuntime(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection twin = server.connect(); Connection safety = server.connect()) {
            assertEquals(45L, one(twin, "SELECT twin_sum_ints(10)"));
            assertEquals(45L, one(safety, "SELECT sum_ints(10)"));
            assertEquals(TWIN.modulePathname(), one(twin, "SELECT probin FROM pg_proc WHERE proname = 'pgj_safety_twin_call_handler'"));
            assertEquals(stage.runtime().modulePathname(),
                    one(twin, "SELECT probin FROM pg_proc WHERE proname = 'pgj_safety_call_handler'"));
            assertEquals(List.of(TWIN.modulePathname() + ".so"), loadedRuntimes(twin), "the twin's session loaded its runtime only");
            assertEquals(List.of(stage.runtime().modulePathname() + ".so"), loadedRuntimes(safety));
        }
        try (Connection jit = server.connect(); Connection user = server.connectAs("pgj_two_versions_user")) {
            Sql.exec(jit, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0", "SET jit_optimize_above_cost = 0");
            assertEquals(java.math.BigDecimal.valueOf(4), one(jit, "SELECT sum(twin_sum_ints(i)) FROM generate_series(1, 3) i"), "JIT forced");
            assertEquals(4950L, one(user, "SELECT twin_sum_ints(100)"), "an ordinary user");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    @Order(2)
    void oneSessionThatReachesBothVersionsGetsAClearErrorAndCarriesOn(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        String current = stage.runtime().version();
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "SELECT sum_ints(10)"));
            for (int attempt = 0; attempt < 2; attempt++) {
                SQLException e = Sql.fails(c, "SELECT twin_sum_ints(10)", "0A000");
                contains(e.getMessage(), "this session runs pgj " + current + ", so it cannot run an extension built with pgj "
                        + TWIN.version());
                contains(((org.postgresql.util.PSQLException) e).getServerErrorMessage().getHint(), "separate sessions");
            }
            assertEquals(1, one(c, "SELECT 1"), "the session carries on");
            assertEquals(45L, one(c, "SELECT sum_ints(10)"), "on its own version");
            assertEquals("off", one(c, "SHOW pgj.error_java_stack"), "the settings stay the first runtime's");
        }
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "SELECT twin_sum_ints(10)"));
            Sql.exec(c, "SET statement_timeout = '5s'");
            contains(Sql.fails(c, "SELECT sum_ints(10)", "0A000").getMessage(),
                    "this session runs pgj " + TWIN.version() + ", so it cannot run an extension built with pgj " + current);
            assertEquals(45L, one(c, "SELECT twin_sum_ints(10)"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    @Order(3)
    void theOtherVersionRunsInAnotherDatabase(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = otherDatabase(server)) {
            Sql.exec(c, "CREATE EXTENSION safety_twin");
            assertEquals(45L, one(c, "SELECT twin_sum_ints(10)"), "a LATIN1 database with only the twin");
        }
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "SELECT sum_ints(10)"), "while the first database's extension runs on its version");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    @Order(4)
    void upgradingTheTwinToAnotherVersionAndRemovingItsOldRuntimeLeaveBothWorking(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        installRuntime(TWIN_NEXT);
        writeExtensionFile("safety_twin.control", "default_version = '2'\nmodule_pathname = '" + TWIN_NEXT.modulePathname()
                + "'\nencoding = UTF8\nrelocatable = false\nsuperuser = true\n");
        try (Connection c = server.connect(); Connection other = otherDatabase(server)) {
            Sql.exec(c, "ALTER EXTENSION safety_twin UPDATE TO '2'");
            Sql.exec(other, "ALTER EXTENSION safety_twin UPDATE TO '2'");
        }
        removeRuntime(TWIN);
        try (Connection twin = server.connect(); Connection safety = server.connect();
                Connection other = otherDatabase(server)) {
            assertEquals(45L, one(twin, "SELECT twin_sum_ints(10)"), "the twin runs on its new version");
            assertEquals(List.of(TWIN_NEXT.modulePathname() + ".so"), loadedRuntimes(twin));
            assertEquals(45L, one(safety, "SELECT sum_ints(10)"), "safety's version is untouched");
            assertEquals(45L, one(other, "SELECT twin_sum_ints(10)"));
        }

        try (Connection c = server.connect(); Connection other = otherDatabase(server)) {
            Sql.exec(c, "DROP EXTENSION safety_twin");
            Sql.exec(other, "DROP EXTENSION safety_twin");
        }
        removeTwinFiles();
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "SELECT sum_ints(10)"), "removing the other version leaves this one working");
            assertFalse(Files.exists(pkglibdir.resolve(TWIN_NEXT.libraryFile())));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** A new connection to the LATIN1 database. */
    private static Connection otherDatabase(PgServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl().replace("/" + server.database() + "?", "/" + OTHER_DB + "?"));
    }

    /** The pgj runtimes mapped into this session's backend, as $libdir/pgj-VERSION.so. */
    private List<String> loadedRuntimes(Connection c) throws SQLException {
        int pid = (Integer) one(c, "SELECT pg_backend_pid()");
        try (Stream<String> maps = Files.lines(Path.of("/proc/" + pid + "/maps"), StandardCharsets.UTF_8)) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.startsWith(pkglibdir + "/pgj-") && file.endsWith(".so")).distinct()
                    .map(file -> "$libdir/" + Path.of(file).getFileName()).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read the backend's memory map: " + e.getMessage(), e);
        }
    }

    /** Builds {@code runtime}'s library from pgj-native's sources and installs it with a copy of pgj-api.jar. */
    private void installRuntime(PgjRuntime runtime) throws IOException {
        Path built = NativeBuild.build(pg, Jdk.current(), Path.of("target/pgj-two-versions"), Progress.silent(), runtime);
        readable(Files.copy(built, pkglibdir.resolve(runtime.libraryFile()), StandardCopyOption.REPLACE_EXISTING));
        Path dir = runtime.dir(sharedir.resolve("pgj"));
        Files.createDirectories(dir);
        readable(Files.copy(stage.apiJar(), dir.resolve("pgj-api.jar"), StandardCopyOption.REPLACE_EXISTING));
    }

    private void removeRuntime(PgjRuntime runtime) throws IOException {
        Files.deleteIfExists(pkglibdir.resolve(runtime.libraryFile()));
        AtomicFiles.deleteRecursively(runtime.dir(sharedir.resolve("pgj")));
    }

    private void removeTwinFiles() throws IOException {
        for (PgjRuntime runtime : List.of(TWIN, TWIN_NEXT)) {
            removeRuntime(runtime);
        }
        AtomicFiles.deleteRecursively(sharedir.resolve("pgj/safety_twin"));
        for (String file : List.of("safety_twin.control", "safety_twin--1.sql", "safety_twin--1--2.sql")) {
            Files.deleteIfExists(sharedir.resolve("extension").resolve(file));
        }
    }

    private void writeExtensionFile(String name, String text) throws IOException {
        readable(Files.writeString(sharedir.resolve("extension").resolve(name), text, StandardCharsets.UTF_8));
    }

    private static Path readable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isExecutable(file) ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }
}
