package org.pgj.tooling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @TempDir
    Path tmp;

    /**
     * `./pgj test` in the checkout's root with a JAVA_HOME too old for pgj, and a fake mvn that
     * shows what the launcher gives Maven: the JDK it found, the note about JAVA_HOME, once, and
     * MAVEN_OPTS with the JDK 24+ flag and without Jansi's colour reset.
     */
    @Test
    void anOldJavaHomeIsNamedOnceAndMavenGetsOptionsForTheJdkItRunsOn() throws Exception {
        Path oldJdk = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(oldJdk.resolve("bin/java")), "no JDK 17 here");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"fake mvn: JAVA_HOME=$JAVA_HOME MAVEN_OPTS=$MAVEN_OPTS\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toAbsolutePath().normalize().toString(), "test"))
                .directory(LAUNCHER.toAbsolutePath().normalize().getParent().toFile());
        pb.environment().put("JAVA_HOME", oldJdk.toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("MAVEN_OPTS");
        Path err = tmp.resolve("err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), out + stderr);
        String note = "pgj: JAVA_HOME=" + oldJdk + " is Java 17, too old for pgj (it needs 25): using ";
        assertEquals(1, stderr.split(Pattern.quote(note), -1).length - 1, "said once: " + stderr);
        assertFalse(out.contains("JAVA_HOME=" + oldJdk), out);
        assertTrue(out.contains("MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow -Djansi.noreset=true"), out);
    }

    /** Maven as the launcher runs it (`./pgj test -v` in the root is `mvn -B -ntp install -v`): no ANSI escapes. */
    @Test
    void mavenRunByTheLauncherPrintsNoEscapeCodes() throws Exception {
        Path root = LAUNCHER.toAbsolutePath().normalize().getParent();
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("pgj").toString(), "test", "-v")).directory(root.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Apache Maven"), out);
        assertFalse(out.contains("\u001b"), "ANSI escape codes in: " + out.replace("\u001b", "<ESC>"));
    }
}
