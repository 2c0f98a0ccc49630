package org.pgj.tooling.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PosixUser;

/** Stage round trip and installs into a fake PostgreSQL tree (a shell-script pg_config over temp folders). */
class StageInstallerTest {
    @TempDir
    Path tmp;

    private PgConfig pg;
    private Path share;

    @BeforeEach
    void fakeServer() throws IOException {
        pg = PgConfig.find(FakePgConfig.create(tmp.resolve("pg"), "16.4"));
        share = pg.sharedir();
    }

    private static final PgjRuntime PGJ_01 = new PgjRuntime("0.1.0");

    private Stage stage(boolean tests) throws IOException {
        return stage(tests, "stage", "demo", PGJ_01, "so");
    }

    private Stage stage(boolean tests, String dir, String extension, PgjRuntime runtime, String library) throws IOException {
        Stage stage = Stage.create(tmp.resolve(dir), extension, "1.0", runtime, pg, Jdk.current());
        Files.writeString(stage.library(), library);
        Files.writeString(stage.controlFile(), "module_pathname = '" + runtime.modulePathname() + "'\n");
        Files.writeString(stage.extensionDir().resolve(extension + "--1.0.sql"), "select 1;\n");
        Files.writeString(stage.apiJar(), "api " + runtime.version());
        Files.writeString(stage.extensionJars().resolve(extension + ".jar"), "main");
        Files.writeString(stage.extensionJars().resolve("dep-1.0.jar"), "dep");
        if (tests) {
            Files.createDirectories(stage.testJars());
            Files.writeString(stage.testJars().resolve("demo-tests.jar"), "tests");
            Files.writeString(stage.testJars().resolve("demo.jar"), "main");
        }
        return Stage.read(stage.dir());
    }

    @Test
    void stageRoundTrip() throws IOException {
        Stage stage = stage(true);
        assertEquals("demo", stage.extension());
        assertEquals("1.0", stage.version());
        assertEquals(tmp.resolve("stage"), stage.dir());
        assertEquals(pg.path(), stage.pgConfig());
        assertEquals(Jdk.current().home(), stage.javaHome());
        assertTrue(stage.hasTests());
        assertEquals(tmp.resolve("stage/pgj/demo__test"), stage.testJars());
        assertFalse(Files.readString(stage.dir().resolve("stage.properties")).matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"),
                "no timestamp, so identical builds write identical files");

        Stage recreated = Stage.create(stage.dir(), "demo", "1.1", pg, Jdk.current());
        assertFalse(Files.exists(recreated.extensionJars().resolve("dep-1.0.jar")), "create() starts from an empty folder");
        assertFalse(recreated.hasTests());
    }

    @Test
    void readingAMissingOrBrokenStageSaysToBuild() throws IOException {
        ToolException missing = assertThrows(ToolException.class, () -> Stage.read(tmp.resolve("nothing")));
        assertTrue(missing.getMessage().contains("stage.properties"), missing.getMessage());
        assertTrue(missing.getMessage().contains("mvn package"), missing.getMessage());

        Stage stage = stage(false);
        Files.delete(stage.apiJar());
        ToolException incomplete = assertThrows(ToolException.class, () -> Stage.read(stage.dir()));
        assertTrue(incomplete.getMessage().contains("pgj-api.jar"), incomplete.getMessage());
    }

    @Test
    void extensionNamesMustBeSqlAndPathSafe() {
        ToolException e = assertThrows(ToolException.class,
                () -> Stage.create(tmp.resolve("s"), "my-ext", "1", pg, Jdk.current()));
        assertTrue(e.getMessage().contains("my-ext"), e.getMessage());
        assertTrue(e.getMessage().contains("[a-z][a-z0-9_]*"), e.getMessage());
    }

    @Test
    void installsTheLayoutAndReplacesOldJars() throws IOException {
        Stage stage = stage(true);
        Files.createDirectories(share.resolve("pgj/demo"));
        Files.writeString(share.resolve("pgj/demo/dep-0.9.jar"), "old");
        Files.writeString(share.resolve("pgj/demo/notes.txt"), "not a jar");
        List<String> steps = new ArrayList<>();

        Installer.install(stage, pg, false, steps::add);

        assertEquals("so", Files.readString(pg.pkglibdir().resolve("pgj-0.1.0.so")));
        assertEquals(Path.of("pgj-0.1.0.so"), Files.readSymbolicLink(pg.pkglibdir().resolve("pgj.so")), "pgj.so: the runtime installed last");
        assertEquals("module_pathname = '$libdir/pgj-0.1.0'\n", Files.readString(share.resolve("extension/demo.control")));
        assertEquals("select 1;\n", Files.readString(share.resolve("extension/demo--1.0.sql")));
        assertEquals("api 0.1.0", Files.readString(share.resolve("pgj/lib/0.1.0/pgj-api.jar")));
        assertEquals(List.of("demo.jar", "dep-1.0.jar", "notes.txt"), names(share.resolve("pgj/demo")));
        assertFalse(Files.exists(share.resolve("pgj/demo__test")), "tests are installed only when asked");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(share.resolve("pgj/demo/demo.jar"))),
                "world-readable for the server user");
        assertTrue(steps.get(steps.size() - 1).contains("removed 1 old jar"), steps.toString());
        assertNoTempFiles();

        Installer.install(stage, pg, true, s -> { });
        assertEquals(List.of("demo-tests.jar", "demo.jar"), names(share.resolve("pgj/demo__test")));
    }

    @Test
    void installingTheSameStageAgainWritesNothing() throws IOException {
        Stage stage = stage(false);
        Installer.install(stage, pg, false, s -> { });
        List<String> steps = new ArrayList<>();
        Files.setPosixFilePermissions(share, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Installer.install(stage, pg, false, steps::add);
        } finally {
            Files.setPosixFilePermissions(share, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(List.of("demo 1.0 is already installed in " + pg), steps, "no write access needed when nothing changes");
    }

    @Test
    void installsIntoAPrivateInstallationInsteadOfTheSystem() throws IOException {
        Files.writeString(pg.bindir().resolve("postgres"), "binary");
        Files.createDirectories(share.resolve("extension"));
        PrivateInstallation target = new PrivateInstallation(pg, tmp.resolve("private"));
        target.sync(s -> { });
        Installer.install(stage(false), pg, target, false, s -> { });
        assertEquals("main", Files.readString(target.dirs().pgjDir().resolve("demo/demo.jar")));
        assertEquals("so", Files.readString(target.dirs().library(PGJ_01)));
        assertEquals("so", Files.readString(target.dirs().latestLink()), "the link resolves in the private installation");
        assertFalse(Files.exists(share.resolve("extension/demo.control")), "the system's folders stay as they are");
    }

    @Test
    void extensionsOfTwoPgjVersionsInstallSideBySideAndEachKeepsItsRuntime() throws IOException {
        PgjRuntime pgj02 = new PgjRuntime("0.2.0-SNAPSHOT");
        Installer.install(stage(false), pg, false, s -> { });
        Installer.install(stage(false, "stage-b", "other", pgj02, "so 0.2"), pg, false, s -> { });

        assertEquals("so", Files.readString(pg.pkglibdir().resolve("pgj-0.1.0.so")), "0.2's install leaves 0.1's runtime alone");
        assertEquals("so 0.2", Files.readString(pg.pkglibdir().resolve("pgj-0.2.0-SNAPSHOT.so")));
        assertEquals("api 0.1.0", Files.readString(share.resolve("pgj/lib/0.1.0/pgj-api.jar")));
        assertEquals("api 0.2.0-SNAPSHOT", Files.readString(share.resolve("pgj/lib/0.2.0-SNAPSHOT/pgj-api.jar")));
        assertEquals("module_pathname = '$libdir/pgj-0.1.0'\n", Files.readString(share.resolve("extension/demo.control")));
        assertEquals("module_pathname = '$libdir/pgj-0.2.0-SNAPSHOT'\n", Files.readString(share.resolve("extension/other.control")));
        assertEquals(Path.of("pgj-0.2.0-SNAPSHOT.so"), Files.readSymbolicLink(pg.pkglibdir().resolve("pgj.so")));

        // A new build of 0.1's extension (an upgrade) writes 0.1's files only.
        Installer.install(stage(false, "stage-c", "demo", PGJ_01, "so rebuilt"), pg, false, s -> { });
        assertEquals("so rebuilt", Files.readString(pg.pkglibdir().resolve("pgj-0.1.0.so")));
        assertEquals("so 0.2", Files.readString(pg.pkglibdir().resolve("pgj-0.2.0-SNAPSHOT.so")));
        assertEquals("api 0.2.0-SNAPSHOT", Files.readString(share.resolve("pgj/lib/0.2.0-SNAPSHOT/pgj-api.jar")));
    }

    @Test
    void aStageWhoseControlFileNamesAnotherRuntimeIsRefused() throws IOException {
        Stage stage = stage(false);
        Files.writeString(stage.controlFile(), "module_pathname = '$libdir/pgj-0.2.0'\n");
        ToolException e = assertThrows(ToolException.class, () -> Stage.read(stage.dir()));
        assertTrue(e.getMessage().contains("does not name the stage's runtime $libdir/pgj-0.1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("use one pgj version for pgj-api, pgj-processor and pgj-maven-plugin"), e.getMessage());
    }

    @Test
    void installingTestsOfAStageWithoutTestsFails() throws IOException {
        Stage stage = stage(false);
        ToolException e = assertThrows(ToolException.class, () -> Installer.install(stage, pg, true, s -> { }));
        assertTrue(e.getMessage().contains("has no tests"), e.getMessage());
    }

    @Test
    void refusesAStageBuiltForAnotherMajor() throws IOException {
        Stage stage = stage(false);
        PgConfig other = PgConfig.find(FakePgConfig.create(tmp.resolve("pg17"), "17.0"));
        ToolException e = assertThrows(ToolException.class, () -> Installer.install(stage, other, false, s -> { }));
        assertTrue(e.getMessage().contains("built for PostgreSQL 16"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dpgj.pgConfig=" + other.path()), e.getMessage());
    }

    @Test
    void unwritableTargetNamesOwnerAndSudo() throws IOException {
        assumeFalse(PosixUser.isRoot(), "root can write anywhere");
        Stage stage = stage(false);
        Files.setPosixFilePermissions(share, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ToolException e = assertThrows(ToolException.class, () -> Installer.install(stage, pg, false, s -> { }));
            assertTrue(e.getMessage().startsWith("cannot write to " + share + " (owned by " + System.getProperty("user.name") + ")"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("pgj install --sudo"), e.getMessage());
            assertFalse(Files.exists(pg.pkglibdir().resolve("pgj.so")), "nothing is copied when any target is unwritable");
        } finally {
            Files.setPosixFilePermissions(share, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void notWritableMessageNamesOwnerAndWhatToDo() {
        String message = Installer.notWritable(tmp);
        assertTrue(message.startsWith("cannot write to " + tmp + " (owned by "), message);
        assertTrue(message.contains("run `pgj install --sudo`"), message);
        assertTrue(message.contains("or run as a user who can write there"), message);
    }

    @Test
    void sudoInstallAsRootIsAPlainInstall() throws IOException {
        assumeTrue(PosixUser.isRoot());
        Installer.installWithSudo(stage(false), pg, false, s -> { });
        assertEquals("main", Files.readString(share.resolve("pgj/demo/demo.jar")));
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp.resolve("pg"))) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().endsWith(".pgj-tmp")).toList());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
