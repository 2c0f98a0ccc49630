package org.pgj.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pgj.tooling.env.PgConfig;

/**
 * pgj's tooling end to end, as a user runs it, against real PostgreSQL servers: first the README's
 * worked session, command by command, as an ordinary user (the system user pgj-e2e when the
 * build runs as root), then what the README does not show, in the project that session left:
 * error messages, idempotence, and the Maven goals.
 */
@Tag("server") // starts PostgreSQL servers: run by Failsafe in integration-test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToolingEndToEndTest {
    static final Path ROOT = Path.of(System.getProperty("pgj.e2e.root", "..")).toAbsolutePath().normalize();
    private static final Pattern PROGRESS = Pattern.compile("^\\[pgj \\+\\d+\\.\\ds] .*$");
    private static final String STEP = "@@pgj-e2e-step ";
    private static final String EXIT = "@@pgj-e2e-exit ";

    private ScratchUser user;

    @BeforeAll
    void createUser() throws IOException, InterruptedException {
        Path repository = Path.of(System.getProperty("pgj.e2e.localRepository", System.getProperty("user.home") + "/.m2/repository"));
        InstalledPoms.check(ROOT, repository, System.getProperty("pgj.e2e.version"));
        user = ScratchUser.create(ROOT, repository, PgConfig.find(null).major());
        System.out.println("[e2e] scratch home " + user.home() + " of user " + user.name());
    }

    @AfterAll
    void stopServers() throws IOException, InterruptedException {
        user.stopServers();
    }

    @Test
    @Order(1)
    void readmeSessionRunsAsShown() throws IOException, InterruptedException {
        ConsoleSession session = ConsoleSession.parse(Files.readString(ROOT.resolve("README.md")));
        assertFalse(session.steps().isEmpty(), "the README has a worked session (```console blocks)");
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < session.steps().size(); i++) {
            // Markers on a line of their own: Maven may end its output without a newline.
            script.append("printf '\\n").append(STEP).append(i).append("\\n'\n");
            script.append(session.steps().get(i).command()).append('\n');
            script.append("printf '\\n").append(EXIT).append(i).append(" %s\\n' $?\n");
        }
        ScratchUser.Result result = user.bash(script.toString(), Duration.ofMinutes(20));
        List<List<String>> outputs = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        split(user.normalizePorts(result.output()), outputs, exits);
        Files.writeString(ROOT.resolve("tooling-e2e/target/readme-session.txt"), transcript(session, outputs, exits));

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < session.steps().size(); i++) {
            ConsoleSession.Step step = session.steps().get(i);
            if (i >= exits.size()) {
                problems.add("README line " + step.readmeLine() + ": `" + step.command() + "` never finished; the session "
                        + "stopped before it");
                break;
            }
            boolean failed = exits.get(i) != 0;
            if (failed != step.fails()) {
                problems.add("README line " + step.readmeLine() + ": `" + firstLine(step.command()) + "` exited with " + exits.get(i)
                        + (step.fails() ? ", but the README says it fails" : "") + "; its output:\n" + String.join("\n", outputs.get(i)));
            } else if (!OutputMatch.matches(step.expected(), outputs.get(i))) {
                problems.add("README line " + step.readmeLine() + ": `" + firstLine(step.command()) + "` printed\n"
                        + String.join("\n", outputs.get(i)) + "\n--- but the README shows\n" + String.join("\n", step.expected()));
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " step(s) of the README's session differ (whole transcript: tooling-e2e/target/readme-session.txt):\n\n"
                    + String.join("\n\n", problems));
        }
    }

    /** Every command run twice in a row: the second run finds the work done and changes nothing. */
    @Test
    @Order(2)
    void everyCommandCanRunTwice() throws IOException, InterruptedException {
        ScratchUser.Result r = sh("""
                set -e
                pgj new twice && pgj new twice
                cd twice
                pgj init && cp ~/.pgj/config.properties /tmp/pgj-e2e-config.$$ && pgj init
                cmp ~/.pgj/config.properties /tmp/pgj-e2e-config.$$ && rm /tmp/pgj-e2e-config.$$
                pgj start && pgj start
                pgj run -c "SELECT hello_twice()" && pgj run -c "SELECT hello_twice()"
                pgj regress && pgj regress
                sed -i 's/Hello, /Howdy, /' src/main/java/org/example/twice/Twice.java
                pgj regress --accept-changed && pgj regress --accept-changed
                sed -i 's/Howdy, /Hello, /' src/main/java/org/example/twice/Twice.java
                pgj regress --accept-changed
                echo "SELECT 'from a file: ' || hello_twice();" > query.sql && pgj run -f query.sql
                pgj schema --save && pgj schema --save
                echo "get: version=$(pgj get version) name=$(pgj get name) relocatable=$(pgj get relocatable)"
                pgj get colour || echo "get colour exited $?"
                pgj package && pgj package
                pgj connect -c "SELECT 1" && pgj connect -c "SELECT 1"
                echo "SELECT 'from stdin: ' || hello_twice();" | pgj run
                pgj test && pgj test all
                pgj stop && pgj stop
                pgj status && pgj status
                echo INFO-WITH-THE-TEST-SERVER && pgj info
                pgj stop --tests && pgj stop --tests
                pgj start && pgj test
                echo STOP-ALL && pgj stop all && pgj stop all
                echo INFO-AFTER-STOP-ALL && pgj info
                rm ~/.pgj/config.properties   # later tests use the majors pgj finds
                echo ALL-TWICE-OK
                """);
        assertExit(0, r);
        assertContains(r.output(), "already holds the project twice as pgj new made it: nothing to do");
        assertContains(r.output(), "database twice has twice 0.1.0, up to date");
        assertContains(r.output(), "twice 0.1.0 is already installed in private installation");
        assertContains(r.output(), "the schema of twice 0.1.0 is already kept in");
        assertContains(r.output(), "get: version=0.1.0 name=twice relocatable=false\n"); // the build's progress stays off stdout
        assertContains(r.output(), "pgj: 'colour' is not a control file field; twice.control has ");
        assertContains(r.output(), "default_version, module_pathname, encoding, relocatable, superuser, trusted, and version (default_version) and name\n");
        assertContains(r.output(), "get colour exited 1\n");
        String twice = r.output().substring(0, Math.max(0, r.output().indexOf("INFO-WITH-THE-TEST-SERVER")));
        assertEquals(2, count(twice, ": tests passed in "), "both test runs pass:\n" + r.output());
        // The dev server's starts only: pgj test starts the test server unless an earlier test left it running.
        assertEquals(1, twice.lines().filter(l -> l.contains("starting PostgreSQL") && l.contains("/data-")).count(),
                "the second start finds the server running:\n" + r.output());
        assertEquals(1, count(twice, "] stopped PostgreSQL"), "the second stop finds it stopped:\n" + r.output());
        assertContains(r.output(), " from stdin: Hello, twice\n");
        assertContains(r.output(), " from a file: Hello, twice\n");
        assertContains(r.output(), "test twice ... ok (changed: accepted src/test/regress/expected/twice.out)");
        assertContains(r.output(), "ALL-TWICE-OK");

        // pgj stop leaves the test server that pgj test started; pgj stop --tests and pgj stop all stop it, once.
        String withTests = between(r.output(), "INFO-WITH-THE-TEST-SERVER", "STOP-ALL");
        assertContains(withTests, "running:  1 server(s) (`pgj stop all` stops them)");
        assertContains(withTests, " test server: stopped on port ");
        assertEquals(1, count(withTests, "] stopped PostgreSQL"), "stop --tests stops the test server, the second finds it stopped:\n" + withTests);
        String stopAll = between(r.output(), "STOP-ALL", "INFO-AFTER-STOP-ALL");
        assertEquals(1, count(stopAll, "stopped data-"), "stop all stops the dev server:\n" + stopAll);
        assertEquals(1, count(stopAll, "stopped test-"), "and the test server:\n" + stopAll);
        assertContains(stopAll, "no PostgreSQL server runs under ");
        assertContains(between(r.output(), "INFO-AFTER-STOP-ALL", "ALL-TWICE-OK"), "running:  no server");
    }

    /** The output between two marker lines. */
    private static String between(String output, String from, String to) {
        int start = output.indexOf(from);
        int end = output.indexOf(to, start + 1);
        assertTrue(start >= 0 && end > start, "markers " + from + " and " + to + " in:\n" + output);
        return output.substring(start, end);
    }

    /** A port in use, a stale postmaster.pid and a server that fails to start: clear messages with the log's last lines. */
    @Test
    @Order(3)
    void serverProblemsAreExplainedWithTheLog() throws IOException, InterruptedException {
        try (java.net.ServerSocket busy = new java.net.ServerSocket()) {
            busy.setReuseAddress(true);
            busy.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), user.devPort()));
            ScratchUser.Result r = sh("cd twice && pgj start");
            assertExit(1, r);
            assertContains(r.output(), "pgj: port " + user.devPort() + " on localhost is already in use");
            assertContains(r.output(), "or set PGJ_PORT to a free port");
            assertContains(r.output(), "lines of " + user.home() + "/.pgj/logs/data-15.log:");
        }

        ScratchUser.Result stale = sh("""
                printf '999999\\n%s/.pgj/data-15\\n1700000000\\n%s\\n' "$HOME" "$PGJ_DEV_PORT_BASE" > ~/.pgj/data-15/postmaster.pid
                pgj start && pgj stop
                """);
        assertExit(0, stale);
        assertContains(stale.output(), "removed stale " + user.home() + "/.pgj/data-15/postmaster.pid (pid 999999 is not running)");

        ScratchUser.Result broken = sh("""
                echo "shared_buffers = 'plenty'" >> ~/.pgj/conf/data-15.conf
                pgj start
                """);
        assertExit(1, broken);
        assertContains(broken.output(), "pgj: PostgreSQL 15 did not start on port " + user.devPort());
        assertContains(broken.output(), "last 20 lines of " + user.home() + "/.pgj/logs/data-15.log:");
        assertContains(broken.output(), "invalid value for parameter \"shared_buffers\": \"plenty\"");
        assertContains(broken.output(), "pgj's settings are in " + user.home() + "/.pgj/conf/data-15.conf");
        assertExit(0, sh("sed -i '/plenty/d' ~/.pgj/conf/data-15.conf && pgj start && pgj stop"));
    }

    /** Missing prerequisites are named, with what to install, before anything is built. */
    @Test
    @Order(4)
    void missingPrerequisitesAreNamedBeforeWorkStarts() throws IOException, InterruptedException {
        assertExit(0, sh("pgj new prereq"));

        ScratchUser.Result version = sh("cd prereq && pgj run pg99");
        assertExit(1, version);
        assertContains(version.output(), "pgj: PostgreSQL 99 is not installed (found: pg");
        assertContains(version.output(), "apt-get install postgresql-99 postgresql-server-dev-99");

        ScratchUser.Result noPgConfig = sh("cd prereq && PG_CONFIG=/nonexistent/pg_config pgj run");
        assertExit(1, noPgConfig);
        assertContains(noPgConfig.output(), "pgj: pg_config /nonexistent/pg_config (from PG_CONFIG) does not exist or is not executable: "
                + "install PostgreSQL with `apt-get install postgresql-15 postgresql-server-dev-15`");

        // A pg_config whose server headers are missing, as without postgresql-server-dev-15.
        ScratchUser.Result noHeaders = sh("""
                mkdir -p fakepg/bin fakepg/include
                cat > fakepg/bin/pg_config <<EOF
                #!/bin/sh
                for a in "\\$@"; do
                  case "\\$a" in
                    --includedir-server) echo "$HOME/fakepg/include";;
                    *) /usr/bin/pg_config "\\$a";;
                  esac
                done
                EOF
                chmod +x fakepg/bin/pg_config
                cd prereq && PG_CONFIG=$HOME/fakepg/bin/pg_config pgj run
                """);
        assertExit(1, noHeaders);
        assertContains(noHeaders.output(), "pgj: PostgreSQL 15 server headers are missing (no postgres.h in " + user.home()
                + "/fakepg/include): apt-get install postgresql-server-dev-15");

        // A PATH with what the launcher and Maven need, but no C compiler.
        ScratchUser.Result noCompiler = sh("""
                mkdir -p nocc && for t in bash env readlink dirname head grep ls sed cat mvn uname which tr expr; do
                  ln -sf "$(command -v $t)" nocc/$t; done
                cd prereq && PATH=$HOME/bin:$HOME/nocc pgj run
                """);
        assertExit(1, noCompiler);
        assertContains(noCompiler.output(), "pgj: no C compiler or make on PATH (cc/gcc missing), needed to build pgj.so: apt-get install gcc make");
        assertFalse(Files.exists(user.home().resolve("prereq/target")), "nothing was built: the checks come first");

        Path oldJdk = oldJdk();
        if (oldJdk != null) {
            // Plain Maven on an old JDK, with the README's MAVEN_OPTS (which an old JDK must not refuse): the plugin
            // still loads and pgj:check (bound to validate) names the JDK to install.
            ScratchUser.Result oldJava = sh("cd prereq && JAVA_HOME=" + oldJdk
                    + " MAVEN_OPTS=\"-XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow\" mvn -q package");
            assertExit(1, oldJava);
            assertContains(oldJava.output(), "too old for pgj");
            assertContains(oldJava.output(), "install Temurin JDK 25 (apt-get install temurin-25-jdk) and set JAVA_HOME to it");
            assertFalse(Files.exists(user.home().resolve("prereq/target/classes")), "pgj:check fails before anything compiles");
        } else {
            System.out.println("[e2e] no JDK older than 25 in /usr/lib/jvm: the old-JDK check was skipped");
        }
    }

    /** The Maven goals the README does not show, in a project of their own. */
    @Test
    @Order(5)
    void mavenGoalsRunTheSameCommands() throws IOException, InterruptedException {
        ScratchUser.Result r = sh(jdkForMaven() + """
                set -e
                mvn -q org.pgj:pgj-maven-plugin:0.1.0-SNAPSHOT:new -Dpgj.name=goals
                cd goals
                mvn -q pgj:info -Dpgj.pg=15 | grep -E '^(pgj |PostgreSQL 15)'
                mvn -q pgj:start && mvn -q pgj:status
                mvn -q pgj:connect -Dpgj.sql="SELECT current_database()"
                mvn -q pgj:regress
                mvn -q pgj:package
                tar -tzf target/pgj/package/goals-0.1.0-pg15.tar.gz | grep -c . 
                mvn -q pgj:test
                mvn -q pgj:schema -Dpgj.save=true
                sed -i 's|<version>0.1.0</version>|<version>0.2.0</version>|' pom.xml
                sed -i 's/Volatility.IMMUTABLE, parallel = Parallel.SAFE/Volatility.STABLE, parallel = Parallel.SAFE/' src/main/java/org/example/goals/Goals.java
                mvn -q pgj:upgrade
                echo "-- reviewed" >> src/main/pgj/upgrade/goals--0.1.0--0.2.0.sql
                pgj upgrade
                mvn -q pgj:run -Dpgj.sql="SELECT extversion FROM pg_extension WHERE extname = 'goals'"
                if mvn -q pgj:install > install.out 2>&1; then echo "pgj:install should fail for an ordinary user"; exit 1; fi
                grep 'cannot write to' install.out
                mvn -q pgj:stop
                echo GOALS-OK
                """);
        assertExit(0, r);
        assertContains(r.output(), "created the extension project goals");
        assertContains(r.output(), "dev server: running on port " + user.devPort());
        assertContains(r.output(), " goals\n");
        assertContains(r.output(), "all 1 regress test(s) passed");
        assertContains(r.output(), "archive:      " + user.home() + "/goals/target/pgj/package/goals-0.1.0-pg15.tar.gz");
        assertContains(r.output(), "tests passed");
        assertContains(r.output(), "wrote src/main/pgj/upgrade/goals--0.1.0--0.2.0.sql (checked with ALTER EXTENSION UPDATE)");
        assertContains(r.output(), "src/main/pgj/upgrade/goals--0.1.0--0.2.0.sql was edited by hand: pgj upgrade leaves it as it is and only checks it");
        assertContains(r.output(), "src/main/pgj/upgrade/goals--0.1.0--0.2.0.sql takes 0.1.0 to 0.2.0 (checked with ALTER EXTENSION UPDATE)");
        assertContains(r.output(), " 0.2.0\n");
        assertContains(r.output(), "pgj install --sudo");
        assertContains(r.output(), "GOALS-OK");
    }

    /**
     * As root on a disposable machine (CI sets PGJ_E2E_SYSTEM=1): the ordinary user installs with
     * {@code pgj install --sudo} and with the package's documented one-liner, and a server of the
     * system's own (a Debian cluster, running as postgres from the system's binary) uses both.
     */
    @Test
    @Order(6)
    void packagesAndSudoInstallsServeTheSystemsPostgres() throws IOException, InterruptedException {
        assumeDisposableSystem("writes into the system's PostgreSQL", "sudo", "pg_createcluster");
        Path sudoers = Path.of("/etc/sudoers.d/pgj-e2e-" + ProcessHandle.current().pid());
        String cluster = "pgje2e" + ProcessHandle.current().pid();
        Files.writeString(sudoers, ScratchUser.NAME + " ALL=(root) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(sudoers, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try {
            ScratchUser.Result installs = sh("""
                    set -e
                    cd ~/goals && pgj install --sudo
                    cd ~/twice && pgj package && sudo tar -xzf target/pgj/package/twice-0.1.0-pg15.tar.gz -C /
                    """);
            assertExit(0, installs);
            assertContains(installs.output(), "goals 0.2.0 is installed for PostgreSQL");
            ScratchUser.exec(List.of("pg_dropcluster", "--stop", "15", cluster));
            ScratchUser.Result created = ScratchUser.exec(List.of("pg_createcluster", "15", cluster, "-p", Integer.toString(port), "--start"));
            assertExit(0, created);
            ScratchUser.Result use = ScratchUser.exec(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-p",
                    Integer.toString(port), "-c", "CREATE EXTENSION goals", "-c", "CREATE EXTENSION twice",
                    "-c", "SELECT hello_goals() || ' / ' || hello_twice()"));
            assertExit(0, use);
            assertContains(use.output(), "Hello, goals / Hello, twice");
        } finally {
            ScratchUser.exec(List.of("pg_dropcluster", "--stop", "15", cluster));
            Files.deleteIfExists(sudoers);
        }
    }

    /**
     * Started as root, the launcher runs the servers as the system user pgj, transparently: here
     * with the launcher of the checkout itself, on a copy of a project, in a pgj home of its own.
     */
    @Test
    @Order(7)
    void asRootTheServersRunAsThePgjUser() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(user.isSwitched(), "only when the build runs as root");
        Path work = Files.createTempDirectory(Path.of("/var/tmp"), "pgj-e2e-root",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        int base;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            base = s.getLocalPort() - 15;
        }
        try {
            ScratchUser.exec(List.of("cp", "-r", user.home().resolve("twice").toString(), work.resolve("twice").toString()));
            ScratchUser.exec(List.of("rm", "-rf", work.resolve("twice/target").toString()));
            List<String> command = List.of("env", "PGJ_HOME=" + work.resolve("home"), "PGJ_DEV_PORT_BASE=" + base,
                    ROOT.resolve("pgj").toString(), "run", "-c", "SELECT hello_twice(), current_user");
            ScratchUser.Result run = ScratchUser.exec(command, work.resolve("twice"), Duration.ofMinutes(10));
            assertExit(0, run);
            assertContains(run.output(), "Hello, twice | postgres");
            Path pid = work.resolve("home/data-15/postmaster.pid");
            String postmaster = Files.readAllLines(pid).get(0).strip();
            assertEquals("pgj", ScratchUser.exec(List.of("ps", "-o", "user=", "-p", postmaster)).output().strip(),
                    "the postmaster runs as the system user pgj");
            assertExit(0, ScratchUser.exec(List.of("env", "PGJ_HOME=" + work.resolve("home"), "PGJ_DEV_PORT_BASE=" + base,
                    ROOT.resolve("pgj").toString(), "stop"), work.resolve("twice"), Duration.ofMinutes(2)));
        } finally {
            ScratchUser.exec(List.of("rm", "-rf", work.toString()));
        }
    }

    /**
     * As root on a disposable machine (PGJ_E2E_SYSTEM=1): {@code pgj package --deb} gives two
     * Debian packages; apt refuses the extension's alone (it depends on pgj's runtime), installs
     * both, a Debian cluster uses the extension, and removing them leaves none of their files.
     */
    @Test
    @Order(8)
    void debianPackagesInstallWithAptAndRemoveCleanly() throws IOException, InterruptedException {
        assumeDisposableSystem("installs Debian packages into the system", "apt-get", "pg_createcluster");
        ScratchUser.Result packaged = sh("pgj new deb_demo && cd deb_demo && pgj package --deb");
        assertExit(0, packaged);
        Path debs = user.home().resolve("deb_demo/target/pgj/package/deb");
        String extension = find(packaged.output(), "\\n  (\\S*/postgresql-15-deb-demo_0\\.1\\.0_[a-z0-9]+\\.deb)\\n");
        String runtime = find(packaged.output(), "\\n  (\\S*/postgresql-15-pgj-[^_/]+_[^_]+_[a-z0-9]+\\.deb)\\n");
        // The runtime's package names its pgj version, so runtimes of two versions install side by side.
        String runtimePackage = Path.of(runtime).getFileName().toString().replaceFirst("_.*", "");
        assertContains(packaged.output(), "install them with: sudo apt-get install " + debs + "/*.deb");
        String cluster = "pgjdeb" + ProcessHandle.current().pid();
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> apt = List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q", "-y");
        try {
            ScratchUser.Result alone = ScratchUser.exec(concat(apt, "install", extension));
            assertTrue(alone.exit() != 0, "the extension's package alone lacks its runtime:\n" + alone.output());
            assertContains(alone.output(), runtimePackage);

            assertExit(0, ScratchUser.exec(concat(apt, "install", runtime, extension)));
            List<String> files = new ArrayList<>();
            for (String pkg : List.of("postgresql-15-deb-demo", runtimePackage)) {
                ScratchUser.Result listed = ScratchUser.exec(List.of("dpkg", "-L", pkg));
                assertExit(0, listed);
                listed.output().lines().filter(f -> Files.isRegularFile(Path.of(f))).forEach(files::add);
            }
            assertTrue(files.stream().anyMatch(f -> f.matches(".*/lib/pgj-[^/]+\\.so")) && files.stream().anyMatch(f -> f.endsWith("/deb_demo.control")),
                    "the packages hold pgj-VERSION.so and the control file: " + files);
            assertExit(0, ScratchUser.exec(List.of("pg_createcluster", "15", cluster, "-p", Integer.toString(port), "--start")));
            ScratchUser.Result use = ScratchUser.exec(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-p",
                    Integer.toString(port), "-c", "CREATE EXTENSION deb_demo", "-c", "SELECT hello_deb_demo()"));
            assertExit(0, use);
            assertContains(use.output(), "Hello, deb_demo");
            ScratchUser.exec(List.of("pg_dropcluster", "--stop", "15", cluster));

            assertExit(0, ScratchUser.exec(concat(apt, "remove", "--purge", "postgresql-15-deb-demo", runtimePackage)));
            for (String pkg : List.of("postgresql-15-deb-demo", runtimePackage)) {
                ScratchUser.Result status = ScratchUser.exec(List.of("dpkg-query", "-W", "-f=${Status}", pkg));
                assertFalse(status.exit() == 0 && status.output().contains("installed"), pkg + " is gone: " + status.output());
            }
            assertEquals(List.of(), files.stream().filter(f -> Files.exists(Path.of(f))).toList(), "no file of the packages is left");
        } finally {
            ScratchUser.exec(List.of("pg_dropcluster", "--stop", "15", cluster));
            ScratchUser.exec(concat(apt, "remove", "--purge", "postgresql-15-deb-demo", runtimePackage));
        }
    }

    /** Only as root on a disposable machine (CI sets PGJ_E2E_SYSTEM=1), with {@code tools} (.ci/run installs them). */
    private void assumeDisposableSystem(String what, String... tools) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(user.isSwitched() && "1".equals(System.getenv("PGJ_E2E_SYSTEM")),
                what + ": only as root on CI (PGJ_E2E_SYSTEM=1)");
        for (String tool : tools) {
            org.junit.jupiter.api.Assumptions.assumeTrue(ScratchUser.exec(List.of("sh", "-c", "command -v " + tool)).exit() == 0,
                    what + ": needs " + tool);
        }
    }

    private static List<String> concat(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /** Plain mvn in a script of its own needs JAVA_HOME, as the README's session sets it. */
    private static String jdkForMaven() {
        return "export JAVA_HOME=" + System.getProperty("java.home")
                + " MAVEN_OPTS=\"-XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow\"\n";
    }

    /** A JDK older than 25, if the machine has one (Debian 12's default java is 17). */
    private static Path oldJdk() throws IOException {
        try (var dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path release = dir.resolve("release");
                if (Files.isRegularFile(release) && !Files.isSymbolicLink(dir)) {
                    Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) < 25 && Files.isExecutable(dir.resolve("bin/java"))) {
                        return dir;
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return null;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Splits the marked output into each step's lines (progress lines dropped) and exit code. */
    private static void split(String output, List<List<String>> outputs, List<Integer> exits) {
        List<String> current = null;
        for (String line : output.replaceAll("\u001B\\[[0-9;]*m", "").lines().toList()) {
            if (line.startsWith(STEP)) {
                current = new ArrayList<>();
            } else if (line.startsWith(EXIT)) {
                outputs.add(current == null ? List.of() : current);
                exits.add(Integer.parseInt(line.substring(EXIT.length()).split(" ")[1]));
                current = null;
            } else if (current != null && !PROGRESS.matcher(line).matches()) {
                current.add(line);
            }
        }
        if (current != null) {
            outputs.add(current);
        }
    }

    private static String transcript(ConsoleSession session, List<List<String>> outputs, List<Integer> exits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < session.steps().size() && i < outputs.size(); i++) {
            sb.append("$ ").append(session.steps().get(i).command()).append('\n');
            outputs.get(i).forEach(l -> sb.append(l).append('\n'));
            if (i < exits.size() && exits.get(i) != 0) {
                sb.append("(exit ").append(exits.get(i)).append(")\n");
            }
        }
        return sb.toString();
    }

    private static String firstLine(String command) {
        return command.lines().findFirst().orElse("");
    }

    /** Runs a shell script as the user in the scratch home; returns its output (progress lines kept). */
    ScratchUser.Result sh(String script) throws IOException, InterruptedException {
        return user.bash(script, Duration.ofMinutes(10));
    }

    static void assertContains(String output, String expected) {
        assertTrue(output.contains(expected), "expected `" + expected + "` in:\n" + output);
    }

    static String find(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + output);
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    static void assertExit(int expected, ScratchUser.Result r) {
        assertEquals(expected, r.exit(), "exit code; output:\n" + r.output());
    }
}
