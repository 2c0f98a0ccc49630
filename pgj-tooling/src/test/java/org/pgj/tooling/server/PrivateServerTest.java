package org.pgj.tooling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pgj.tooling.TestHome;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PosixUser;
import org.pgj.tooling.progress.Progress;

/**
 * Runs a real private cluster of the installed PostgreSQL. One server is shared by all tests, in
 * order; as root this goes through the pgj system user and runuser, as on CI.
 */
@Tag("server") // starts PostgreSQL servers: run by Failsafe in integration-test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivateServerTest {
    private final PgConfig pg = PgConfig.find(null);
    private final Path home = TestHome.get();
    private PrivateServer server;

    @BeforeAll
    void create() throws IOException {
        server = PrivateServer.of(pg, home, "tooling-" + pg.major(), freePort());
        // Leftovers of an interrupted earlier run: a running server, settings of a half-done test.
        server.stop(Progress.silent());
        Files.deleteIfExists(server.configFile());
    }

    @AfterAll
    void stop() {
        server.stop(Progress.console());
    }

    @Test
    @Order(0)
    void layoutAndPortsFollowTheConventions() {
        PrivateServer tests = PrivateServer.forTests(pg, home);
        PrivateServer dev = PrivateServer.forDev(pg, home);
        // The environment may move the ports (PGJ_PORT, or a base per kind of server).
        if (System.getenv("PGJ_PORT") == null && System.getenv("PGJ_TEST_PORT_BASE") == null) {
            assertEquals(32200 + pg.major(), tests.port());
        }
        if (System.getenv("PGJ_PORT") == null && System.getenv("PGJ_DEV_PORT_BASE") == null) {
            assertEquals(28800 + pg.major(), dev.port());
        }
        assertEquals(home.resolve("test-" + pg.major()), tests.dataDir());
        assertEquals(home.resolve("data-" + pg.major()), dev.dataDir());
        assertEquals(home.resolve("logs/test-" + pg.major() + ".log"), tests.logFile());
        assertEquals("jdbc:postgresql://localhost:" + tests.port() + "/app?user=postgres", tests.jdbcUrl("app"));
        if (System.getenv("PGJ_HOME") == null) {
            assertEquals(PosixUser.isRoot() ? Path.of("/var/tmp/pgj-root") : Path.of(System.getProperty("user.home"), ".pgj"),
                    PrivateServer.defaultHome());
        }
    }

    @Test
    @Order(0)
    void homesTheServerUserCannotEnterMoveToVarTmp() throws IOException {
        assumeTrue(PosixUser.isRoot() && !Files.getPosixFilePermissions(Path.of("/root")).toString().contains("OTHERS_EXECUTE"));
        assertFalse(PrivateServer.serverUserCanReach(Path.of("/root/project/target/pgj-home")));
        assertTrue(PrivateServer.usableHome(Path.of("/root/project/target/pgj-home")).startsWith("/var/tmp"));
        assertTrue(PrivateServer.serverUserCanReach(home));
    }

    @Test
    @Order(1)
    void startsOnceAndIsIdempotent() throws IOException {
        List<String> steps = new ArrayList<>();
        server.ensureStarted(steps::add);
        assertTrue(server.isRunning());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("starting PostgreSQL")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.contains("is running on port " + server.port())), steps.toString());
        assertEquals("1", server.psql("postgres", "SELECT 1").trim());
        assertEquals(Integer.toString(server.port()), server.psql("postgres", "SHOW port").trim());
        assertEquals(server.dataDir().toString(), server.psql("postgres", "SHOW unix_socket_directories").trim());
        assertEquals("localhost", server.psql("postgres", "SHOW listen_addresses").trim());
        assertEquals("off", server.psql("postgres", "SHOW logging_collector").trim());
        assertEquals("UTF8", server.psql("postgres", "SHOW server_encoding").trim());
        if (PosixUser.isRoot()) {
            assertEquals(ServerUser.NAME, Files.getOwner(server.dataDir()).getName());
            long pid = Long.parseLong(Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim());
            assertEquals(ServerUser.NAME, ProcessHandle.of(pid).orElseThrow().info().user().orElseThrow(),
                    "as root the postmaster runs as the pgj system user");
        }

        steps.clear();
        server.ensureStarted(steps::add);
        assertEquals(List.of(), steps, "a running server is left alone");
        assertFalse(server.lastLogLines(5).isEmpty(), "pg_ctl -l writes the log");
        assertTrue(Files.isRegularFile(server.logFile()));
    }

    @Test
    @Order(2)
    void createsAndRecreatesDatabases() {
        server.createDatabase("tooling_db", true);
        server.psql("tooling_db", "CREATE TABLE kept(i int); INSERT INTO kept VALUES (7);");
        server.createDatabase("tooling_db", false);
        assertEquals("7", server.psql("tooling_db", "SELECT i FROM kept").trim(), "without dropFirst an existing database stays");
        server.createDatabase("tooling_db", true);
        assertEquals("0", server.psql("tooling_db", "SELECT count(*) FROM pg_class WHERE relname = 'kept'").trim());

        ToolException e = assertThrows(ToolException.class, () -> server.psql("tooling_db", "SELECT no_such_column FROM pg_class"));
        assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
    }

    @Test
    @Order(3)
    void settingsApplyOnReloadOrRestart() {
        server.setConfig("work_mem", "7MB");
        assertEquals("7MB", server.psql("postgres", "SHOW work_mem").trim(), "reloadable settings apply at once");
        server.setConfig("max_connections", "42");
        server.restart(Progress.silent());
        assertEquals("42", server.psql("postgres", "SHOW max_connections").trim());
        assertEquals("7MB", server.psql("postgres", "SHOW work_mem").trim(), "settings survive a restart");
    }

    @Test
    @Order(4)
    void busyPortIsReportedBeforeAnythingIsCreated() throws IOException {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            PrivateServer other = PrivateServer.of(pg, home, "busy-" + pg.major(), busy.getLocalPort());
            ToolException e = assertThrows(ToolException.class, () -> other.ensureStarted(Progress.silent()));
            assertTrue(e.getMessage().contains("port " + busy.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("PGJ_PORT"), e.getMessage());
            assertFalse(Files.exists(other.dataDir()), "no initdb for a server that cannot start");
        }
    }

    @Test
    @Order(5)
    void stopIsIdempotentAndStalePidFilesAreRemoved() throws Exception {
        List<String> steps = new ArrayList<>();
        server.stop(steps::add);
        assertFalse(server.isRunning());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("stopped")), steps.toString());
        steps.clear();
        server.stop(steps::add);
        assertEquals(List.of(), steps, "stopping a stopped server does nothing");

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(server.dataDir().resolve("postmaster.pid"),
                gone.pid() + "\n" + server.dataDir() + "\n0\n" + server.port() + "\n");
        assertFalse(server.isRunning(), "a pid file of a dead process does not count");
        server.ensureStarted(steps::add);
        assertTrue(steps.stream().anyMatch(s -> s.contains("removed stale") && s.contains("pid " + gone.pid())), steps.toString());
        assertTrue(server.isRunning());
        assertEquals("1", server.psql("postgres", "SELECT 1").trim());
    }

    @Test
    @Order(6)
    void startFailureQuotesTheServerLog() {
        server.stop(Progress.silent());
        server.setConfig("shared_buffers", "lots");
        ToolException e = assertThrows(ToolException.class, () -> server.ensureStarted(Progress.silent()));
        assertTrue(e.getMessage().contains("did not start on port " + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains("last 20 lines of " + server.logFile()), e.getMessage());
        assertTrue(e.getMessage().contains("shared_buffers"), "the log line naming the bad setting: " + e.getMessage());
        assertTrue(e.getMessage().contains(server.configFile().toString()), e.getMessage());
        assertFalse(server.isRunning());

        server.setConfig("shared_buffers", "16MB");
        server.ensureStarted(Progress.silent());
        assertEquals("16MB", server.psql("postgres", "SHOW shared_buffers").trim());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
