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

    /**
     * `./pgj test` on a machine without a C compiler (a PATH of the tools the launcher needs, gcc
     * and cc left out). As root, it runs apt-get (a fake one here, which records its arguments and
     * "installs" gcc) with progress lines, then Maven; as an ordinary user, it prints the one line
     * to run as root and stops before Maven.
     */
    @Test
    void missingDebianPackagesAreInstalledAsRootAndNamedOtherwise() throws Exception {
        Path root = LAUNCHER.toAbsolutePath().normalize().getParent();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "env", "readlink", "dirname", "head", "tail", "grep", "sed", "cat", "mktemp", "sleep",
                "rm", "cmp", "ls", "tr", "cut", "make", "chmod")) {
            // Scripts, not symbolic links, which JUnit warns about when it deletes the folder.
            script(bin.resolve(tool), "#!/bin/sh\nexec " + which(tool) + " \"$@\"\n");
        }
        Path aptLog = tmp.resolve("apt.log");
        script(bin.resolve("apt-get"), "#!/bin/sh\necho \"$*\" >> " + aptLog + "\n"
                + "case \"$*\" in *install*) printf '#!/bin/sh\\nexec " + which("gcc") + " \"$@\"\\n' > " + bin.resolve("gcc")
                + "; chmod 755 " + bin.resolve("gcc") + "; echo 'Setting up gcc (4:12.2.0-3) ...'; echo 'Setting up cpp (4:12.2.0-3) ...';; esac\n");
        script(bin.resolve("mvn"), "#!/bin/sh\necho \"fake mvn $*\"\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean isRoot = "root".equals(System.getProperty("user.name"));

        // An ordinary user: the current one, or nobody (setpriv, from util-linux) when the tests run as root.
        List<String> command = isRoot
                ? List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", root.resolve("pgj").toString(), "test")
                : List.of(root.resolve("pgj").toString(), "test");
        Run user = run(command, root, bin);
        assertEquals(1, user.exit(), user.output());
        assertTrue(user.output().contains("pgj: ./pgj test needs Debian packages that are not installed: gcc. Install them as root, "
                + "then run ./pgj test again:\n  sudo apt-get install -y gcc\n"), user.output());
        assertFalse(user.output().contains("fake mvn"), "stops before Maven: " + user.output());
        assertFalse(Files.exists(aptLog), "no apt-get as an ordinary user");
        if (isRoot) {
            Run asRoot = run(List.of(root.resolve("pgj").toString(), "test", "-q"), root, bin);
            assertEquals(0, asRoot.exit(), asRoot.output());
            assertEquals(List.of("update -q", "install -y -q gcc"), Files.readAllLines(aptLog));
            assertTrue(asRoot.output().matches("(?s).*\\[pgj \\+\\d+\\.\\ds] \\./pgj test: installing the missing Debian packages gcc "
                    + "\\(apt-get, as root; log: [^)]*\\)\n.*\\[pgj \\+\\d+\\.\\ds] set up gcc\n.*\\[pgj \\+\\d+\\.\\ds] installed gcc\n.*"),
                    asRoot.output());
            assertFalse(asRoot.output().contains("set up cpp"), "only the packages asked for are named: " + asRoot.output());
            assertTrue(asRoot.output().contains("fake mvn -B -ntp install -q"), "then Maven runs: " + asRoot.output());
        }
    }

    /** Plain `mvn` in the checkout on Debian 12's default JDK 17: the build's first check names the JDK to use and how. */
    @Test
    void theCheckoutsOwnBuildChecksTheJdkFirst() throws Exception {
        Path oldJdk = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(oldJdk.resolve("bin/java")), "no JDK 17 here");
        Path root = LAUNCHER.toAbsolutePath().normalize().getParent();
        // -N: the parent alone, whose validate phase runs the check; -o: the plugin is there since this build ran it.
        ProcessBuilder pb = new ProcessBuilder(List.of("mvn", "-B", "-o", "-N", "validate")).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", oldJdk.toString());
        pb.environment().put("MAVEN_OPTS", "-Djansi.noreset=true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("pgj needs JDK 25 to build, and this Maven runs on Java 17"), out);
        assertTrue(out.contains("Run ./pgj self-install (or ./pgj test), which finds JDK 25 in JAVA_HOME or /usr/lib/jvm by itself, "
                + "or set JAVA_HOME to a JDK 25"), out);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path dir, Path bin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("PG_CONFIG");
        pb.environment().put("PGJ_HOME", bin.resolveSibling("home").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), out);
    }

    private static String which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return dir + "/" + tool;
            }
        }
        throw new IllegalStateException("no " + tool + " in /usr/bin or /bin");
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
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
