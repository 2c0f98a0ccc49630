package org.pgj.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An ordinary user with a scratch home (HOME), as a developer would have: the pgj launcher in
 * ~/bin, the pgj artifacts in ~/.m2 (as {@code mvn install} of pgj leaves them). When the tests
 * run as root (CI), that user is the system user {@value #NAME}, created if missing, its ~/.m2 a
 * copy of the local Maven repository (offline), and every command runs through runuser: no sudo,
 * no TTY, and the PostgreSQL folders belong to root, so nothing may need to write there.
 * Otherwise it is the current user, whose Maven still uses the user's own ~/.m2.
 *
 * <p>The dev and test servers get ports of their own (PGJ_DEV_PORT_BASE, PGJ_TEST_PORT_BASE), so
 * other pgj servers on the machine do not interfere; {@link #normalizePorts} maps them back to
 * the default ports for comparisons with the README.
 */
final class ScratchUser {
    static final String NAME = "pgj-e2e";
    /** Where the scratch homes are when the tests run as root: under /var/tmp, which every user may enter. */
    static final Path RUNS = Path.of("/var/tmp/pgj-e2e");
    private static final int DEFAULT_DEV_PORT = 28815;
    private static final int DEFAULT_TEST_PORT = 32215;

    private final boolean switched;
    private final String name;
    private final Path home;
    private final int devPort;
    private final int testPort;
    private final int major;

    private ScratchUser(boolean switched, String name, Path home, int devPort, int testPort, int major) {
        this.switched = switched;
        this.name = name;
        this.home = home;
        this.devPort = devPort;
        this.testPort = testPort;
        this.major = major;
    }

    /** A fresh scratch home with the launcher and a copy of {@code localRepository}. */
    static ScratchUser create(Path repoRoot, Path localRepository, int major) throws IOException, InterruptedException {
        return create(repoRoot, localRepository, major, true);
    }

    /**
     * A fresh scratch home without pgj, as a new user has: no launcher, and a Maven repository (a
     * copy of {@code localRepository}, offline) that has Maven's plugins and libraries but none of
     * pgj's artifacts. Maven uses it even when the tests do not run as root.
     */
    static ScratchUser createWithoutPgj(Path repoRoot, Path localRepository, int major) throws IOException, InterruptedException {
        return create(repoRoot, localRepository, major, false);
    }

    private static ScratchUser create(Path repoRoot, Path localRepository, int major, boolean withPgj)
            throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        String name = root ? NAME : System.getProperty("user.name");
        Path runs = root ? RUNS : repoRoot.resolve("tooling-e2e/target/e2e-runs");
        if (root) {
            ensureUser();
        }
        Files.createDirectories(runs);
        removeFinishedRuns(root, name, runs);
        // One folder per run, named after the test JVM: builds on one machine may run this test at the same time.
        Path home = runs.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + ProcessHandle.current().pid() + (withPgj ? "" : "-new"));
        Files.createDirectories(home);
        if (withPgj) {
            Files.createDirectories(home.resolve("bin"));
            Path launcher = home.resolve("bin/pgj");
            Files.copy(repoRoot.resolve("pgj"), launcher, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (root || !withPgj) {
            Path m2 = Files.createDirectories(home.resolve(".m2"));
            // A copy, so the user's Maven never writes into root's repository (0.5 GB copy in about a second).
            Result copy = exec(List.of("cp", "-a", localRepository.toString(), m2.resolve("repository").toString()));
            if (copy.exit != 0) {
                throw new IllegalStateException("cannot copy " + localRepository + ": " + copy.output);
            }
            if (!withPgj) {
                exec(List.of("rm", "-rf", m2.resolve("repository/org/pgj").toString()));
            }
            Files.writeString(m2.resolve("settings.xml"), "<settings>\n  <offline>true</offline>\n</settings>\n");
            // Maven takes ~ from the password file, not from $HOME; its launcher reads ~/.mavenrc by $HOME.
            Files.writeString(home.resolve(".mavenrc"), "MAVEN_OPTS=\"$MAVEN_OPTS -Duser.home=$HOME\"\n");
        }
        if (root) {
            exec(List.of("chmod", "755", runs.toString()));
            exec(List.of("chown", "-R", NAME + ":", home.toString()));
        }
        // A user with pgj who is not root keeps Maven's own ~/.m2, which has pgj from this build.
        return new ScratchUser(root, name, home, freePort(), freePort(), major);
    }

    /** Runs of test JVMs that have ended: their servers are stopped and their folders removed. */
    private static void removeFinishedRuns(boolean root, String name, Path runs) throws IOException, InterruptedException {
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.toList()) {
                String folder = dir.getFileName().toString();
                Matcher run = Pattern.compile("\\d{8}-\\d{6}-(\\d+)(-new)?").matcher(folder);
                long pid = run.matches() ? Long.parseLong(run.group(1)) : -1;
                if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                stopServers(root, name, dir);
                exec(List.of("rm", "-rf", dir.toString()));
            }
        }
    }

    /** The system user {@value #NAME}, created if missing. */
    private static void ensureUser() throws IOException, InterruptedException {
        if (exec(List.of("id", "-u", NAME)).exit == 0) {
            return;
        }
        Files.createDirectories(RUNS);
        Result r = exec(List.of("useradd", "--home-dir", RUNS.toString(), "--no-create-home", "--shell", "/bin/bash", NAME));
        // Exit 9: a concurrent run created it.
        if (r.exit != 0 && r.exit != 9) {
            throw new IllegalStateException("cannot create the user " + NAME + ": " + r.output);
        }
    }

    Path home() {
        return home;
    }

    /** A copy of {@code file} in the user's home, the user's own. */
    Path give(Path file) throws IOException, InterruptedException {
        Path copy = home.resolve(file.getFileName());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        if (switched) {
            exec(List.of("chown", NAME + ":", copy.toString()));
        }
        return copy;
    }

    String name() {
        return name;
    }

    boolean isSwitched() {
        return switched;
    }

    int devPort() {
        return devPort;
    }

    /** The environment of the user's shell: a clean one, as a login would give. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", name);
        env.put("LOGNAME", name);
        env.put("PATH", home.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("PGJ_DEV_PORT_BASE", Integer.toString(devPort - major));
        env.put("PGJ_TEST_PORT_BASE", Integer.toString(testPort - major));
        return env;
    }

    /** Runs {@code script} with bash as the user, in the home folder; standard error joins standard output. */
    Result bash(String script, Duration timeout) throws IOException, InterruptedException {
        Path file = Files.createTempFile(home, ".script", ".sh");
        Files.writeString(file, "exec 2>&1\ncd \"$HOME\"\n" + script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        if (switched) {
            exec(List.of("chown", NAME + ":", file.toString()));
        }
        List<String> command = new ArrayList<>();
        if (switched) {
            command.addAll(List.of("runuser", "-u", NAME, "--"));
        }
        command.addAll(List.of("env", "-i"));
        environment().forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("bash", file.toString()));
        try {
            return exec(command, home, timeout);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The user's output as the README shows it: ~ for the home, the default ports. */
    String normalizePorts(String output) {
        return output.replace(home.toString(), "~")
                .replace(Integer.toString(devPort), Integer.toString(DEFAULT_DEV_PORT - 15 + major))
                .replace(Integer.toString(testPort), Integer.toString(DEFAULT_TEST_PORT - 15 + major));
    }

    /** Stops every server left under the scratch home (after a failed run). */
    void stopServers() throws IOException, InterruptedException {
        stopServers(switched, name, home);
    }

    private static void stopServers(boolean switched, String name, Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> pids;
        try (Stream<Path> walk = Files.find(dir, 4, (p, a) -> p.getFileName().toString().equals("postmaster.pid"))) {
            pids = walk.toList();
        }
        for (Path pid : pids) {
            Path data = pid.getParent();
            String major = Files.isRegularFile(data.resolve("PG_VERSION")) ? Files.readString(data.resolve("PG_VERSION")).strip() : "";
            List<String> command = new ArrayList<>();
            if (switched) {
                command.addAll(List.of("runuser", "-u", name, "--"));
            }
            command.addAll(List.of("/usr/lib/postgresql/" + major + "/bin/pg_ctl", "stop", "-m", "immediate", "-D", data.toString()));
            exec(command);
        }
    }

    record Result(int exit, String output) {
    }

    static Result exec(List<String> command) throws IOException, InterruptedException {
        return exec(command, null, Duration.ofMinutes(5));
    }

    static Result exec(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pgj-e2e", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` did not finish in " + timeout + ":\n"
                        + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
