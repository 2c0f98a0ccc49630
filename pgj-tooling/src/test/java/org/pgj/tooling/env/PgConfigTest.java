package org.pgj.tooling.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.ToolException;

class PgConfigTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheInstalledServer() {
        PgConfig pg = PgConfig.find(null);
        assertTrue(pg.major() >= 13, pg.toString());
        assertTrue(pg.version().startsWith(pg.major() + "."), pg.version());
        assertTrue(Files.isExecutable(pg.bindir().resolve("initdb")), "initdb in " + pg.bindir());
        assertTrue(Files.isRegularFile(pg.includedirServer().resolve("postgres.h")));
        assertTrue(Files.isRegularFile(pg.pgxs()));
        assertTrue(Files.isDirectory(pg.pkglibdir()));
        assertTrue(Files.isDirectory(pg.sharedir().resolve("extension")));
        pg.checkCanBuild();
    }

    @Test
    void explicitPathWins() throws IOException {
        Path fake = FakePgConfig.create(tmp.resolve("pg"), "16.3");
        PgConfig pg = PgConfig.find(fake, Map.of("PG_CONFIG", "/nonexistent"), tmp);
        assertEquals(fake, pg.path());
        assertEquals("16.3", pg.version());
        assertEquals(16, pg.major());
        assertEquals(tmp.resolve("pg/share"), pg.sharedir());
        assertEquals(tmp.resolve("pg/lib"), pg.pkglibdir());
        assertEquals(tmp.resolve("pg/bin"), pg.bindir());
        assertEquals(tmp.resolve("pg/include/server"), pg.includedirServer());
    }

    @Test
    void envBeforePathBeforeDebianFolders() throws IOException {
        Path fromEnv = FakePgConfig.create(tmp.resolve("env"), "17devel");
        Path onPath = FakePgConfig.create(tmp.resolve("path"), "16.1");
        Path debian = tmp.resolve("debian");
        FakePgConfig.create(debian.resolve("13"), "13.9");
        Path newest = FakePgConfig.create(debian.resolve("16"), "16.2");

        PgConfig env = PgConfig.find(null, Map.of("PG_CONFIG", fromEnv.toString(), "PATH", onPath.getParent().toString()), debian);
        assertEquals(fromEnv, env.path());
        assertEquals(17, env.major());
        assertEquals("17", env.version());

        PgConfig path = PgConfig.find(null, Map.of("PATH", "/nonexistent:" + onPath.getParent()), debian);
        assertEquals(onPath, path.path());

        PgConfig highest = PgConfig.find(null, Map.of("PATH", "/nonexistent"), debian);
        assertEquals(newest, highest.path());
        assertEquals("16.2", highest.version());
    }

    @Test
    void missingTellsWhichPackagesToInstall() {
        ToolException none = assertThrows(ToolException.class,
                () -> PgConfig.find(null, Map.of("PATH", tmp.toString()), tmp.resolve("none")));
        assertTrue(none.getMessage().contains("no pg_config found"), none.getMessage());
        assertTrue(none.getMessage().contains("postgresql-15 postgresql-server-dev-15"), none.getMessage());

        ToolException explicit = assertThrows(ToolException.class,
                () -> PgConfig.find(tmp.resolve("missing/pg_config"), Map.of(), tmp));
        assertTrue(explicit.getMessage().contains(tmp.resolve("missing/pg_config").toString()), explicit.getMessage());
        assertTrue(explicit.getMessage().contains("postgresql-15 postgresql-server-dev-15"), explicit.getMessage());
    }

    @Test
    void missingHeadersNameTheDevPackage() throws IOException {
        PgConfig pg = PgConfig.find(FakePgConfig.create(tmp.resolve("pg"), "16.3"));
        ToolException e = assertThrows(ToolException.class, () -> pg.checkCanBuild(System.getenv("PATH")));
        assertTrue(e.getMessage().contains("postgres.h"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install postgresql-server-dev-16"), e.getMessage());
    }

    @Test
    void missingCompilerNamesGccAndMake() {
        PgConfig pg = PgConfig.find(null);
        ToolException e = assertThrows(ToolException.class, () -> pg.checkCanBuild(tmp.toString()));
        assertTrue(e.getMessage().contains("apt-get install gcc make"), e.getMessage());
    }

    @Test
    void aProgramThatPrintsNothingIsNotAPgConfig() {
        ToolException e = assertThrows(ToolException.class,
                () -> PgConfig.find(null, Map.of("PG_CONFIG", "/usr/bin/true"), tmp));
        assertTrue(e.getMessage().contains("/usr/bin/true (from PG_CONFIG) is not a pg_config"), e.getMessage());
        assertTrue(e.getMessage().contains("it printed nothing"), e.getMessage());
        assertTrue(e.getMessage().contains("unset PG_CONFIG"), e.getMessage());
        assertTrue(!e.getMessage().contains("exit 0"), e.getMessage());
    }
}
