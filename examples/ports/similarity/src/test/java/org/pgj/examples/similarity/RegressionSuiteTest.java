package org.pgj.examples.similarity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pgj.test.OriginalSuites;
import org.pgj.test.RegressSuite;

/**
 * The C original's regression suite, its sql and expected output unchanged, through pgj regress
 * (pg_regress's way: psql on each file, in one fresh database, the suite creating the extension
 * itself by {@code \i pg_similarity.sql}, this module's). Two settings of the database are those
 * the expected output was made under, which the C original needs on PostgreSQL 12 and later too:
 * {@code extra_float_digits = 0} (15 significant digits) and the library loaded as a session
 * starts (test2 and test3 SET and SHOW the settings before any call loads it). test4 builds an
 * index with the GIN operator class {@code gin_similarity_ops} (its {@code \copy} reads the
 * original's {@code data/similarity.data}, which pgj regress shows psql beside this module's files).
 */
@Tag("server")
class RegressionSuiteTest {
    @Test
    void theOriginalsSuitePassesUnchanged() {
        String printed = RegressSuite.assertPasses(OriginalSuites.of("pg_similarity-1.0"), false,
                List.of(), List.of("extra_float_digits=0", "session_preload_libraries=pgj"));
        for (String test : List.of("test1", "test2", "test3", "test4")) {
            assertTrue(printed.contains("test " + test + " ... ok"), printed);
        }
    }
}
