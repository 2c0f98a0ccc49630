package org.pgj.tooling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pgj.tooling.PgjRelease;

/** The launcher script at the checkout's root, which tooling-e2e runs as a user would. */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("../pgj");

    @Test
    void runsThisVersionOutsideTheCheckout() throws IOException {
        Matcher m = Pattern.compile("(?m)^PGJ_VERSION=(\\S+)$").matcher(Files.readString(LAUNCHER));
        assertTrue(m.find(), "the launcher names the pgj version it runs from the local Maven repository");
        assertEquals(PgjRelease.version(), m.group(1), "PGJ_VERSION in ./pgj must follow the pom's version");
    }

    @Test
    void delegatesEveryToolingCommandToMain() throws IOException {
        String launcher = Files.readString(LAUNCHER);
        assertTrue(launcher.contains("org.pgj.tooling.cli.Main"), "the launcher holds no command logic of its own");
        assertTrue(launcher.contains("pgj-tooling-*-cli.jar") && launcher.contains("pgj-tooling-$PGJ_VERSION-cli.jar"),
                "the launcher runs the -cli jar, which holds the tooling's libraries");
    }
}
