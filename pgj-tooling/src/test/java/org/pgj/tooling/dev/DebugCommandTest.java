package org.pgj.tooling.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.server.RunningServer;

/**
 * {@code pgj debug} on a real server of its own (named as a dev server, on a free port): the
 * session it opens has pgj.debug_port set and the server allows it; bad ports are refused with
 * what to do. examples/demo's DebuggerTest attaches jdb to such a session.
 */
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugCommandTest {
    private final PgConfig pg = PgConfig.find(null);
    private final Path home = PrivateServer.usableHome(Path.of("target/pgj-home-debug"));
    private final List<String> steps = new ArrayList<>();
    private PrivateServer dev;

    @BeforeAll
    void start() throws IOException {
        stop();
        dev = PrivateServer.of(pg, home, "data-" + pg.major(), freePort());
        dev.ensureStarted(Progress.silent());
    }

    @AfterAll
    void stop() {
        for (RunningServer server : RunningServer.under(home)) {
            server.stop(pg, Progress.silent());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ToolContext context() {
        return new ToolContext(home, PgVersions.of(home), Progress.to(steps::add),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), home, null);
    }

    @Test
    void theSessionHasItsPortOnAServerThatAllowsIt() throws IOException {
        int port = freePort();
        // The server has no pgj.so installed: both settings are read as the session and the configuration gave them.
        String check = "DO $$ BEGIN IF current_setting('pgj.debug_port') <> '" + port + "' OR NOT current_setting('pgj.debug_allowed')::bool"
                + " THEN RAISE EXCEPTION 'pgj.debug_port is %', current_setting('pgj.debug_port'); END IF; END $$";
        int exit = DebugCommand.session(context(), dev, new DebugCommand.Options(null, "postgres", port,
                List.of("-c", check)));
        assertEquals(0, exit, "psql ran the check in a session with pgj.debug_port = " + port);
        assertTrue(steps.stream().anyMatch(s -> s.contains("localhost:" + port) && s.contains("jdb -attach localhost:" + port)), steps.toString());
        exit = DebugCommand.session(context(), dev, new DebugCommand.Options(null, "postgres", port + 1,
                List.of("-c", check.replace("'" + port + "'", "'" + (port + 2) + "'"))));
        assertEquals(1, exit, "psql's exit code when the check fails: the check can fail");
    }

    @Test
    void badPortsSayWhatToDo() throws IOException {
        ToolException e = assertThrows(ToolException.class,
                () -> DebugCommand.session(context(), dev, new DebugCommand.Options(null, "postgres", 0, List.of("-c", "select 1"))));
        assertTrue(e.getMessage().contains("--port 0 is not a TCP port: give one from 1024 to 65535"), e.getMessage());
        try (ServerSocket taken = new ServerSocket(0)) {
            e = assertThrows(ToolException.class, () -> DebugCommand.session(context(), dev,
                    new DebugCommand.Options(null, "postgres", taken.getLocalPort(), List.of("-c", "select 1"))));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on localhost is in use"), e.getMessage());
            assertTrue(e.getMessage().contains("choose another with --port"), e.getMessage());
        }
    }
}
