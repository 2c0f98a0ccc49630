package org.pgj.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the C originals' own regression suites are: {@code shared/ports} beside the pgj checkout
 * (CI clones pgj next to {@code shared/}), found from this module by walking up to the checkout's
 * root; {@code -Dpgj.ports=DIR} names another folder. They are read there, never copied.
 */
public final class OriginalSuites {
    public static final String PROPERTY = "pgj.ports";

    private OriginalSuites() {
    }

    /** The folder of one original, such as {@code first_last_agg-0.1.4}; fails naming where it looked. */
    public static Path of(String release) {
        Path ports = ports();
        Path dir = ports.resolve(release);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the C original " + release + " is not in " + ports + ": its regression suite"
                    + " is read from there (shared/ports beside the pgj checkout, as CI clones it; -D" + PROPERTY
                    + "=DIR names another folder)");
        }
        return dir;
    }

    private static Path ports() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            // The checkout's root: the one folder with pgj's launcher beside the API module.
            if (Files.isRegularFile(dir.resolve("pgj")) && Files.isDirectory(dir.resolve("pgj-api"))) {
                return dir.resolveSibling("shared").resolve("ports").normalize();
            }
        }
        throw new IllegalStateException("no pgj checkout above " + start + ": the C originals' suites are found beside it"
                + " (-D" + PROPERTY + "=DIR names their folder)");
    }
}
