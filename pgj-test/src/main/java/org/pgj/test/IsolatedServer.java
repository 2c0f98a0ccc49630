package org.pgj.test;

import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;

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
public final class IsolatedServer extends TestServer {
    private static IsolatedServer current;

    private final Stage stage;
    private final Progress progress;

    private IsolatedServer(PrivateServer server, Stage stage, Progress progress) {
        super(server, TestEnvironment.databaseName(stage.extension()), progress);
        this.stage = stage;
        this.progress = progress;
    }

    /** The isolated server, started and prepared on first use in a test JVM. */
    public static synchronized IsolatedServer get() {
        if (current == null) {
            Progress progress = Progress.console();
            Stage stage = Stage.read(TestEnvironment.stageDir());
            PrivateServer server = PrivateServer.forIsolatedTests(TestEnvironment.pgConfig(stage), TestEnvironment.pgjHome());
            current = new IsolatedServer(server, stage, progress);
            current.start();
        }
        return current;
    }

    /** The postmaster's process, while it runs. */
    public ProcessHandle postmaster() {
        return privateServer().postmaster()
                .orElseThrow(() -> new IllegalStateException("the isolated server " + this + " is not running"));
    }

    /** Stops the server with a fast shutdown ({@code pg_ctl stop -m fast}); fails if that does not finish. */
    public void stop() {
        privateServer().stop(progress);
    }

    /**
     * Starts the server if it is not running (at first, after {@link #stop()}, or after its
     * postmaster was killed) and prepares the database afresh.
     */
    public void start() {
        TestEnvironment.prepare(privateServer(), stage, progress);
    }

    @Override
    public String toString() {
        return "isolated " + super.toString();
    }
}
