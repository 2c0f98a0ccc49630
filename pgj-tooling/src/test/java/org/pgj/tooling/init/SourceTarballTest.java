package org.pgj.tooling.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolException;

class SourceTarballTest {
    @TempDir
    Path dir;

    @Test
    void readsTheReleaseFromItsFolderAndUnpacksIt() throws IOException {
        Path file = FakeSourceTarball.create(dir, "postgresql-16_16.1.orig.tar.bz2", "postgresql-16.1", true);
        SourceTarball tarball = SourceTarball.open(file);
        assertEquals("16.1", tarball.version());
        assertEquals(16, tarball.major());
        Path src = tarball.extract(Files.createDirectories(dir.resolve("out")));
        assertEquals(dir.resolve("out/postgresql-16.1"), src);
        assertTrue(Files.isRegularFile(src.resolve("configure")));
    }

    @Test
    void refusesWhatIsNotAPostgresSourceTarball() throws IOException {
        Path missing = dir.resolve("nothere.tar.bz2");
        assertMessage(() -> SourceTarball.open(missing), "does not exist");
        Path small = Files.writeString(dir.resolve("page.tar.bz2"), "<html>404</html>");
        assertMessage(() -> SourceTarball.open(small), "too small for PostgreSQL's source");
        Path noConfigure = FakeSourceTarball.create(dir, "other.tar.bz2", "postgresql-16.1", false);
        assertMessage(() -> SourceTarball.open(noConfigure), "is not a PostgreSQL source tarball");
        Path notTar = dir.resolve("random.tar.bz2");
        Files.write(notTar, new byte[(int) SourceTarball.MINIMUM_SIZE + 1]);
        assertMessage(() -> SourceTarball.open(notTar), "cannot read " + notTar + " as a tarball");
    }

    @Test
    void refusesUnsupportedMajorsAndDamagedKnownReleases() throws IOException {
        Path old = FakeSourceTarball.create(dir, "postgresql-14.9.tar.bz2", "postgresql-14.9", true);
        assertMessage(() -> SourceTarball.open(old), "PostgreSQL 14, which pgj does not support: pgj supports 15 to 18");
        // pgj knows 18.6's checksum: a tarball that claims to be 18.6 but is not is refused.
        Path fake = FakeSourceTarball.create(dir, "postgresql-18.6.tar.bz2", "postgresql-18.6", true);
        assertMessage(() -> SourceTarball.open(fake), "does not match the checksum pgj knows for PostgreSQL 18.6");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        ToolException e = assertThrows(ToolException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
