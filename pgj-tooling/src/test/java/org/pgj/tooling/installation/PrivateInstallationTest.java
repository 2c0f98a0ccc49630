package org.pgj.tooling.installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * The private installation's layout over a fake PostgreSQL tree; that a real server runs from it
 * and loads extensions from it is shown by PrivateServerTest and every in-PostgreSQL test.
 */
class PrivateInstallationTest {
    @TempDir
    Path tmp;

    private PgConfig pg;
    private PrivateInstallation installation;

    @BeforeEach
    void fakeServer() throws IOException {
        pg = PgConfig.find(FakePgConfig.create(tmp.resolve("pg"), "15.4"));
        Files.writeString(pg.bindir().resolve("postgres"), "binary");
        Files.writeString(pg.pkglibdir().resolve("plpgsql.so"), "module");
        Files.writeString(pg.pkglibdir().resolve("pgj.so"), "system pgj");
        Files.writeString(pg.pkglibdir().resolve("pgj-0.1.0.so"), "system pgj 0.1.0");
        Files.createDirectories(pg.sharedir().resolve("extension"));
        Files.createDirectories(pg.sharedir().resolve("timezonesets"));
        Files.writeString(pg.sharedir().resolve("extension/plpgsql.control"), "default_version = '1.0'\n");
        Files.writeString(pg.sharedir().resolve("extension/sysext.control"), "module_pathname = '$libdir/pgj'\n");
        Files.writeString(pg.sharedir().resolve("extension/sysext--1.0.sql"), "");
        Files.writeString(pg.sharedir().resolve("extension/sysext2.control"), "module_pathname = '$libdir/pgj-0.1.0'\n");
        installation = new PrivateInstallation(pg, tmp.resolve("install"));
    }

    @Test
    void mirrorsTheAbsolutePathsWithACopiedBinaryAndLinkedFiles() throws IOException {
        List<String> steps = new ArrayList<>();
        installation.sync(steps::add);
        Path postgres = installation.postgres();
        assertEquals(tmp.resolve("install").resolve(pg.bindir().toString().substring(1)).resolve("postgres"), postgres);
        assertFalse(Files.isSymbolicLink(postgres), "a copy: PostgreSQL resolves symlinks to find its folders");
        assertEquals("binary", Files.readString(postgres));
        InstallDirs dirs = installation.dirs();
        assertTrue(Files.isSymbolicLink(dirs.pkglibdir().resolve("plpgsql.so")));
        assertTrue(Files.isSymbolicLink(dirs.sharedir().resolve("timezonesets")));
        assertTrue(Files.isSymbolicLink(dirs.extensionDir().resolve("plpgsql.control")));
        assertFalse(Files.isSymbolicLink(dirs.extensionDir()), "extension/ is a real folder pgj installs into");
        assertTrue(Files.isDirectory(dirs.pgjDir(), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dirs.latestLink(), LinkOption.NOFOLLOW_LINKS), "the system's pgj.so is not used");
        assertFalse(Files.exists(dirs.library(new PgjRuntime("0.1.0")), LinkOption.NOFOLLOW_LINKS), "nor its versioned runtimes");
        assertFalse(Files.exists(dirs.extensionDir().resolve("sysext2.control"), LinkOption.NOFOLLOW_LINKS),
                "an extension of a versioned runtime is a pgj extension too");
        assertFalse(Files.exists(dirs.extensionDir().resolve("sysext.control"), LinkOption.NOFOLLOW_LINKS),
                "system-installed pgj extensions are hidden: their jars are not mirrored");
        assertTrue(steps.get(0).startsWith("copying "), steps.toString());

        steps.clear();
        installation.sync(steps::add);
        assertEquals(List.of(), steps, "nothing to do the second time");
    }

    @Test
    void followsTheSystemAndKeepsWhatWasInstalled() throws IOException {
        installation.sync(Progress.silent());
        Files.writeString(installation.dirs().extensionDir().resolve("mine.control"), "installed here");
        Files.writeString(pg.sharedir().resolve("extension/newext.control"), "");
        Files.delete(pg.sharedir().resolve("extension/plpgsql.control"));
        Files.writeString(pg.bindir().resolve("postgres"), "upgraded binary");
        Files.setLastModifiedTime(pg.bindir().resolve("postgres"), java.nio.file.attribute.FileTime.fromMillis(0));

        installation.sync(Progress.silent());

        InstallDirs dirs = installation.dirs();
        assertEquals("installed here", Files.readString(dirs.extensionDir().resolve("mine.control")));
        assertTrue(Files.isSymbolicLink(dirs.extensionDir().resolve("newext.control")));
        assertFalse(Files.exists(dirs.extensionDir().resolve("plpgsql.control"), LinkOption.NOFOLLOW_LINKS), "dangling links go");
        assertEquals("upgraded binary", Files.readString(installation.postgres()), "a minor upgrade replaces the copy");
    }
}
