package org.pgj.tooling.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.info.InfoCommand;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.server.RunningServer;

/**
 * {@code pgj stop}, {@code pgj stop --tests}, {@code pgj stop all} and {@code pgj info} on real
 * servers in a pgj home of their own: a dev, a test and a bench cluster (named as pgj names them,
 * on free ports so they never meet the suite's own servers).
 */
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopEverythingTest {
    private final PgConfig pg = PgConfig.find(null);
    private final Path home = PrivateServer.usableHome(Path.of("target/pgj-home-stop"));
    private PrivateServer dev;
    private PrivateServer tests;
    private PrivateServer bench;

    @BeforeAll
    void startThree() throws IOException {
        stopLeftovers();
        dev = PrivateServer.of(pg, home, "data-" + pg.major(), freePort());
        tests = PrivateServer.of(pg, home, "test-" + pg.major(), freePort());
        bench = PrivateServer.of(pg, home, "bench-" + pg.major(), freePort());
        for (PrivateServer server : List.of(dev, tests, bench)) {
            server.ensureStarted(Progress.silent());
        }
    }

    @AfterAll
    void stopLeftovers() {
        for (RunningServer server : RunningServer.under(home)) {
            server.stop(pg, Progress.silent());
        }
    }

    @Test
    void infoShowsWhatRunsThenStopStopsTheRightOnes() {
        String info = run(ctx -> InfoCommand.run(ctx, new InfoCommand.Options(String.valueOf(pg.major()), false)));
        assertTrue(info.contains("running:  3 server(s) (`pgj stop all` stops them)"), info);
        for (PrivateServer server : List.of(dev, tests, bench)) {
            long pid = server.postmaster().orElseThrow().pid();
            assertTrue(info.contains("  " + server.name() + ": PostgreSQL " + pg.major() + ", port " + server.port() + ", pid "
                    + pid + ", data " + server.dataDir()), info);
        }

        String stopDev = run(ctx -> ServerCommand.run(ctx, ServerCommand.Action.STOP, String.valueOf(pg.major()), false));
        assertTrue(stopDev.contains("dev server: stopped"), stopDev);
        assertFalse(dev.isRunning(), "pgj stop stops the dev server");
        assertTrue(tests.isRunning() && bench.isRunning(), "and only it");

        String stopTests = run(ctx -> ServerCommand.run(ctx, ServerCommand.Action.STOP, String.valueOf(pg.major()), true));
        assertTrue(stopTests.contains("PostgreSQL " + pg.version() + " test server: stopped"), stopTests);
        assertFalse(tests.isRunning(), "pgj stop --tests stops the test server too");
        assertTrue(bench.isRunning(), "a bench server is not a test server");

        String stopAll = run(ctx -> ServerCommand.run(ctx, ServerCommand.Action.STOP, "all", false));
        assertTrue(stopAll.contains("stopped bench-" + pg.major() + ": PostgreSQL " + pg.major()), stopAll);
        assertFalse(bench.isRunning(), "pgj stop all stops every server under the pgj home");
        assertEquals(List.of(), RunningServer.under(home));

        String again = run(ctx -> ServerCommand.run(ctx, ServerCommand.Action.STOP, "all", false));
        assertTrue(again.contains("no PostgreSQL server runs under " + home), again);
        String idle = run(ctx -> InfoCommand.run(ctx, new InfoCommand.Options(String.valueOf(pg.major()), false)));
        assertTrue(idle.contains("running:  no server"), idle);
    }

    /** Runs a command in this home; returns what it printed, after checking it succeeded. */
    private String run(Function<ToolContext, Integer> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ToolContext ctx = new ToolContext(home, PgVersions.of(home), Progress.silent(), out, home, null);
        assertEquals(0, command.apply(ctx), bytes.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
