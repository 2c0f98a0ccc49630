package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.test.HeldObjects;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/**
 * The extra data a prefix query attaches to its key lives as long as the scan that asked for it:
 * counted in the backend after scans, rescans and a scan that fails.
 */
@PgjTest
class ExtraDataLifetimeTest {
    @Test
    @InBackend
    void releasedWhenTheScanEnds() {
        Spi.run("CREATE TEMP TABLE words_docs (id int, body text)");
        Spi.run("INSERT INTO words_docs SELECT i, 'apricot ' || i || CASE WHEN i % 3 = 0 THEN ' plum' ELSE '' END"
                + " FROM generate_series(1, 2000) i");
        Spi.run("CREATE INDEX ON words_docs USING gin (body word_ops)");
        Spi.run("SET LOCAL enable_seqscan = off");
        int before = HeldObjects.count();
        for (int i = 0; i < 50; i++) {
            assertEquals(2000L, Spi.getOne("SELECT count(*) FROM words_docs WHERE body ^^^ 'apr'", Long.class).orElseThrow());
        }
        assertEquals(before, HeldObjects.count(), "one scan after another");
        assertEquals(666L, Spi.getOne("SELECT count(*) FROM generate_series(1, 2) g, LATERAL (SELECT id FROM words_docs"
                + " WHERE body ^^^ 'pl' AND id % 2 = g - 1) s", Long.class).orElseThrow(), "a scan rescanned for each outer row");
        assertEquals(before, HeldObjects.count(), "rescans");
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> Spi.getOne(
                "SELECT count(*) FROM words_docs WHERE body ^^^ 'apr' AND 1 / (id - 1000) > -5", Long.class)));
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        assertEquals(before, HeldObjects.count(), "a scan that failed");
    }
}
