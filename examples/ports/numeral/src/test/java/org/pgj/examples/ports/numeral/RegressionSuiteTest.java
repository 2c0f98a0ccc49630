package org.pgj.examples.ports.numeral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pgj.test.OriginalSuites;
import org.pgj.test.RegressSuite;

/**
 * The C original's regression suite, unchanged, against the port: its sql and expected output are
 * read from the original's release, and run in its Makefile's order (REGRESS = extension numeral
 * zahl roman operator; the first creates the extension). Then the port's own suite
 * (src/test/regress): what the original's leaves out.
 */
@Tag("server")
class RegressionSuiteTest {
    @Test
    void theOriginalsSuitePassesUnchanged() {
        String printed = RegressSuite.assertPasses(OriginalSuites.of("numeral-1.3"), false,
                List.of("extension", "numeral", "zahl", "roman", "operator"), List.of());
        for (String test : List.of("extension", "numeral", "zahl", "roman", "operator")) {
            assertTrue(printed.contains("test " + test + " ... ok"), printed);
        }
    }

    @Test
    void thePortsOwnSuitePasses() {
        String printed = RegressSuite.assertPasses(Path.of("src/test/regress"), true);
        assertTrue(printed.contains("test input ... ok"), printed);
    }
}
