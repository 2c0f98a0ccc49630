package org.pgj.tooling.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.tooling.init.SourceTarballTest.assertMessage;

import org.junit.jupiter.api.Test;

class PostgresReleasesTest {
    @Test
    void aMajorMeansTheNewestKnownMinor() {
        assertEquals("18.6", PostgresReleases.version("18"));
        assertEquals("18.6", PostgresReleases.version("pg18"));
        assertEquals("18.2", PostgresReleases.version("18.2"));
        for (int major : org.pgj.tooling.env.PgVersions.SUPPORTED) {
            assertTrue(PostgresReleases.version(Integer.toString(major)).startsWith(major + "."), "known: " + major);
        }
    }

    @Test
    void unsupportedOrMalformedVersionsSayWhatToWrite() {
        assertMessage(() -> PostgresReleases.version("14"), "pgj supports 15 to 18");
        assertMessage(() -> PostgresReleases.version("eighteen"), "write a major (18) or a release (18.6)");
    }

    @Test
    void knowsTheChecksumOfTheReleaseCiBuilds() {
        assertEquals(64, PostgresReleases.sha256("18.6").orElseThrow().length());
        assertTrue(PostgresReleases.sha256("18.1").isEmpty());
    }
}
