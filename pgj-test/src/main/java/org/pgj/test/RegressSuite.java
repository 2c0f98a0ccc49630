package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.regress.RegressCommand;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj regress} from a JUnit test, so that a build's {@code verify} fails on a pg_regress
 * suite too: the suite of {@code inputDir} ({@code sql/} and {@code expected/}) against the
 * extension this module staged, on the test server, with psql in the module's folder. Tag the
 * class {@code server} (the Failsafe run), as {@link PgjTest} classes are.
 */
public final class RegressSuite {
    private RegressSuite() {
    }

    /**
     * Runs the suite and fails with psql's differences unless every test matches its expected output,
     * or if the server log shows a crash meanwhile.
     *
     * @param createExtension whether to {@code CREATE EXTENSION} first; pg_regress suites usually do it themselves
     * @return what pgj regress printed: a line per test
     */
    public static String assertPasses(Path inputDir, boolean createExtension) {
        return assertPasses(inputDir, createExtension, List.of(), List.of());
    }

    /**
     * The same for some of the suite's tests, in a database with the suite's own settings.
     *
     * @param tests the tests to run, by name; empty runs all
     * @param settings {@code NAME=VALUE} settings of the test database (pgj regress's {@code --set})
     */
    public static String assertPasses(Path inputDir, boolean createExtension, List<String> tests, List<String> settings) {
        Stage stage = Stage.read(TestEnvironment.stageDir());
        PgConfig pg = TestEnvironment.pgConfig(stage);
        Path home = TestEnvironment.pgjHome();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ToolContext ctx = new ToolContext(home, PgVersions.of(home), Progress.console(),
                new PrintStream(out, true, StandardCharsets.UTF_8), Path.of("").toAbsolutePath(),
                ProjectBuilder.alreadyBuilt());
        Path log = PrivateServer.forTests(pg, home).logFile();
        ServerLog.Mark mark = ServerLog.mark(log);
        int exit = RegressCommand.run(ctx, new RegressCommand.Options(ExtensionProject.at(Path.of("")),
                "pg" + pg.major(), inputDir, createExtension, false, false, tests, settings));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, () -> "the regress suite " + inputDir + " failed on PostgreSQL " + pg.major() + ":\n" + printed);
        // Matching outputs are not enough: no backend may have crashed on the way.
        ServerLog.assertNoCrash(ServerLog.linesSince(log, mark));
        return printed;
    }
}
