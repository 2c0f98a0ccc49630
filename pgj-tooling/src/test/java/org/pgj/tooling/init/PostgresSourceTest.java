package org.pgj.tooling.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.tooling.init.SourceTarballTest.assertMessage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSourceTest {
    @TempDir
    Path dir;

    @Test
    void postgresqlOrgUnlessTheSettingNamesAMirror() {
        assertEquals(URI.create("https://ftp.postgresql.org/pub/source/v18.6/postgresql-18.6.tar.bz2"),
                PostgresSource.of(Map.of()).tarball("18.6"));
        assertEquals(URI.create("https://mirror.example/pg/v17.2/postgresql-17.2.tar.bz2"),
                PostgresSource.of(Map.of(PostgresSource.SETTING, "https://mirror.example/pg/")).tarball("17.2"));
        assertEquals(Optional.empty(), PostgresSource.of(Map.of(PostgresSource.SETTING, dir.toString())).singleTarball());
    }

    @Test
    void fetchesFromAMirrorFolderAndChecksThePublishedChecksum() throws IOException {
        Path mirror = Files.createDirectories(dir.resolve("mirror/v16.1"));
        Path tarball = FakeSourceTarball.create(mirror, "postgresql-16.1.tar.bz2", "postgresql-16.1", true);
        Files.writeString(mirror.resolve("postgresql-16.1.tar.bz2.sha256"),
                SourceTarball.sha256(tarball) + "  postgresql-16.1.tar.bz2\n");
        PostgresSource source = PostgresSource.of(Map.of(PostgresSource.SETTING, dir.resolve("mirror").toString()));
        List<String> steps = new ArrayList<>();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        SourceTarball fetched = source.fetch("16.1", downloads, steps::add);
        assertEquals("16.1", fetched.version());
        assertEquals(downloads.resolve("postgresql-16.1.tar.bz2"), fetched.file());
        assertTrue(steps.get(0).startsWith("downloading file:"), steps.toString());
        assertTrue(steps.get(steps.size() - 1).startsWith("downloaded 1.0 MB in "), steps.toString());

        Files.writeString(mirror.resolve("postgresql-16.1.tar.bz2.sha256"), "0".repeat(64) + "\n");
        Files.delete(fetched.file());
        assertMessage(() -> source.fetch("16.1", downloads, s -> { }), "does not match the checksum published at");
        assertFalse(Files.exists(fetched.file()), "a tarball that fails its check is not kept");
    }

    @Test
    void aMissingReleaseSaysWhereToPointTheSetting() {
        PostgresSource source = PostgresSource.of(Map.of(PostgresSource.SETTING, dir.toString()));
        assertMessage(() -> source.fetch("17.99", dir, s -> { }), "point PGJ_PG_SOURCE at a mirror or at a tarball");
    }
}
