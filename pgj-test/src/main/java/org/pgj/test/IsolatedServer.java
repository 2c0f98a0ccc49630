package org.pgj.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.pgj.tooling.PrivateServer;
import org.pgj.tooling.Progress;
import org.pgj.tooling.Stage;

/**
 * A server of its own, for tests that crash the server, kill its postmaster or stop it: the
 * test server and its other sessions are not disturbed. Like the test server it has the
 * project's stage installed and a database {@code pgj_test_<ext>} with the extension, and it
 * keeps running for the next run (port: the test server's plus 100).
 *
 * <pre>{@code
 * IsolatedServer server = IsolatedServer.get();
 * try (Connection c = server.connect()) { ... }
 * }</pre>
 */
public final class IsolatedServer implements PgServer {
    private static IsolatedServer current;

    private final TestServer server;
    private final Stage stage;
    private final Progress progress;

    private IsolatedServer(TestServer server, Stage stage, Progress progress) {
        this.server = server;
        this.stage = stage;
        this.progress = progress;
    }

    /** The isolated server, started and prepared on first use in a test JVM. */
    public static synchronized IsolatedServer get() {
        if (current == null) {
            Progress progress = Progress.console();
            Stage stage = Stage.read(TestEnvironment.stageDir());
            PrivateServer server = PrivateServer.forIsolatedTests(TestEnvironment.pgConfig(stage), TestEnvironment.pgjHome());
            current = new IsolatedServer(TestEnvironment.prepare(server, stage, progress), stage, progress);
        }
        return current;
    }

    /** The postmaster's process, while it runs. */
    public ProcessHandle postmaster() {
        return server.privateServer().postmaster()
                .orElseThrow(() -> new IllegalStateException("the isolated server " + server + " is not running"));
    }

    /** Stops the server with a fast shutdown ({@code pg_ctl stop -m fast}); fails if that does not finish. */
    public void stop() {
        server.privateServer().stop(progress);
    }

    /**
     * Starts the server again if it is not running (after {@link #stop()}, or after its
     * postmaster was killed) and prepares the database afresh.
     */
    public void start() {
        TestEnvironment.prepare(server.privateServer(), stage, progress);
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String database() {
        return server.database();
    }

    @Override
    public Connection connect() throws SQLException {
        return server.connect();
    }

    @Override
    public Connection connectAs(String role) throws SQLException {
        return server.connectAs(role);
    }

    @Override
    public void restart() {
        server.restart();
    }

    @Override
    public void setConfig(String name, String value) {
        server.setConfig(name, value);
    }

    @Override
    public Path logFile() {
        return server.logFile();
    }

    @Override
    public List<String> lastLogLines(int n) {
        return server.lastLogLines(n);
    }

    @Override
    public String toString() {
        return "isolated " + server;
    }
}
