package org.pgj.tooling.profile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@code pgj profile} on a real server of its own: the session gets pgj.profile pointing into the
 * server's data folder, and a session that ran no Java is told so rather than given an empty
 * graph. examples/demo's ProfileTest records a pgj function and renders it.
 */
@Tag("server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileCommandTest {
    private final PgConfig pg = PgConfig.find(null);
    private final Path home = PrivateServer.usableHome(Path.of("target/pgj-home-profile"));
    private final List<String> steps = new ArrayList<>();
    private PrivateServer dev;

    @BeforeAll
    void start() throws IOException {
        stop();
        try (ServerSocket socket = new ServerSocket(0)) {
            dev = PrivateServer.of(pg, home, "data-" + pg.major(), socket.getLocalPort());
        }
        dev.ensureStarted(Progress.silent());
    }

    @AfterAll
    void stop() {
        for (RunningServer server : RunningServer.under(home)) {
            server.stop(pg, Progress.silent());
        }
    }

    private ToolContext context() {
        return new ToolContext(home, PgVersions.of(home), Progress.to(steps::add),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), home, null);
    }

    @Test
    void aSessionWithoutJavaIsToldWhatToDo() {
        String record = "DROP TABLE IF EXISTS seen; CREATE TABLE seen AS SELECT current_setting('pgj.profile') AS profile";
        ToolException e = assertThrows(ToolException.class, () -> ProfileCommand.session(context(), dev,
                new ProfileCommand.Options(null, "postgres", List.of("-c", record), home.resolve("graph.html"))));
        assertTrue(e.getMessage().contains("no profile was recorded: the session ran no Java"), e.getMessage());
        assertTrue(e.getMessage().contains("pgj profile -c 'select my_function()'"), e.getMessage());
        assertTrue(steps.stream().anyMatch(s -> s.contains("recording a Java Flight Recorder profile")), steps.toString());
        assertTrue(!Files.exists(home.resolve("graph.html")), "no empty graph");
        String profile = dev.psql("postgres", "SELECT profile FROM seen").trim();
        assertTrue(profile.startsWith(dev.dataDir().resolve("pgj_profiles").resolve("profile-").toString()) && profile.endsWith(".jfr"),
                "the session had pgj.profile set into the server's data folder: " + profile);
    }
}
