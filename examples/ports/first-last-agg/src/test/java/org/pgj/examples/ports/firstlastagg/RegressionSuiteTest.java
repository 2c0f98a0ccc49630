package org.pgj.examples.ports.firstlastagg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pgj.test.OriginalSuites;
import org.pgj.test.RegressSuite;

/**
 * The C original's regression suite, unchanged, against the port: its sql and expected output
 * are read from the original's release (test/sql/agg.sql, test/expected/agg.out). Then the port's
 * own suite (src/test/regress): the SQL surface as the original declares it, and what the
 * original's suite leaves out (other types, NULLs only, window frames, parallel plans, bad input).
 */
@Tag("server")
class RegressionSuiteTest {
    @Test
    void theOriginalsSuitePassesUnchanged() {
        // The suite loads the extension itself (\i sql/first_last_agg.sql, this module's), as under PGXS.
        String printed = RegressSuite.assertPasses(OriginalSuites.of("first_last_agg-0.1.4").resolve("test"), false);
        assertTrue(printed.contains("test agg ... ok"), printed);
    }

    @Test
    void thePortsOwnSuitePasses() {
        String printed = RegressSuite.assertPasses(Path.of("src/test/regress"), true);
        assertTrue(printed.contains("test surface ... ok"), printed);
    }
}
