package org.pgj.tooling.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.ToolException;

/** Configured majors over fake pg_configs: what is found, what is recorded, and what is missing. */
class PgVersionsTest {
    @TempDir
    Path tmp;

    private Path debian;
    private Path home;

    @BeforeEach
    void twoMajors() throws IOException {
        debian = tmp.resolve("debian");
        FakePgConfig.create(debian.resolve("15"), "15.4");
        FakePgConfig.create(debian.resolve("16"), "16.2");
        home = tmp.resolve("home");
    }

    private PgVersions versions(Map<String, String> env) {
        return PgVersions.of(home, env, debian);
    }

    @Test
    void findsEveryInstalledMajorAndSelectsByName() {
        PgVersions v = versions(Map.of("PATH", "/nonexistent"));
        assertEquals(List.of(15, 16), v.all().stream().map(PgConfig::major).toList());
        assertEquals(16, v.select(null).major(), "the default without PATH or PG_CONFIG: the highest found");
        assertEquals(15, v.select("pg15").major());
        assertEquals(15, v.select("15").major());
        assertEquals(List.of(15, 16), v.selectMany("all", false).stream().map(PgConfig::major).toList());
        assertEquals(List.of(16), v.selectMany(null, false).stream().map(PgConfig::major).toList());
        assertTrue(PgVersions.isSpec("pg15") && PgVersions.isSpec("all") && !PgVersions.isSpec("mydb"));
    }

    @Test
    void aMajorThatIsNotInstalledSaysHowToInstallIt() {
        ToolException e = assertThrows(ToolException.class, () -> versions(Map.of("PATH", "/nonexistent")).select("pg17"));
        assertEquals("PostgreSQL 17 is not installed (found: pg15, pg16): install it with `apt-get install postgresql-17 "
                + "postgresql-server-dev-17` (for a major your distribution lacks, add the PostgreSQL apt repository first: "
                + "https://wiki.postgresql.org/wiki/Apt), build it from source with `pgj init --download 17`, or record a "
                + "pg_config built elsewhere with `pgj init --pg17 /path/to/pg_config`", e.getMessage());
    }

    @Test
    void recordingIsIdempotentAndTakesMajorsBuiltElsewhere() throws IOException {
        Path custom = FakePgConfig.create(tmp.resolve("opt/pg17"), "17.1");
        PgVersions v = versions(Map.of("PATH", "/nonexistent"));
        assertEquals(List.of(15, 16, 17), v.record(Map.of(17, custom)).stream().map(PgConfig::major).toList());
        String first = Files.readString(v.configFile());
        assertTrue(first.contains("pg17=" + custom), first);

        PgVersions again = versions(Map.of("PATH", "/nonexistent"));
        assertTrue(again.isRecorded());
        again.record(Map.of());
        assertEquals(first, Files.readString(v.configFile()), "a second init changes nothing");
        assertEquals(17, again.select(null).major(), "the default: the highest recorded");
        assertEquals(custom, again.select("pg17").path());

        ToolException wrong = assertThrows(ToolException.class, () -> again.record(Map.of(16, custom)));
        assertTrue(wrong.getMessage().contains("is PostgreSQL 17, not 16: pass it as --pg17"), wrong.getMessage());
    }

    @Test
    void aRecordedPgConfigThatWentAwayIsReported() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve(PgVersions.CONFIG_FILE), "pg14=" + tmp.resolve("gone/pg_config") + "\n");
        ToolException e = assertThrows(ToolException.class, () -> versions(Map.of()).select(null));
        assertTrue(e.getMessage().contains("the pg_config recorded for PostgreSQL 14"), e.getMessage());
        assertTrue(e.getMessage().contains("run `pgj init`"), e.getMessage());
    }

    @Test
    void aBadPathForAMajorNamesThatMajorsPackages() {
        // pgj init --pg16 /bad/path
        ToolException e = assertThrows(ToolException.class,
                () -> versions(Map.of("PATH", "/nonexistent")).record(Map.of(16, tmp.resolve("bad/path"))));
        assertTrue(e.getMessage().contains("(from --pg16) does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install postgresql-16 postgresql-server-dev-16"), e.getMessage());
        assertTrue(!e.getMessage().contains("postgresql-15"), e.getMessage());
    }
}
