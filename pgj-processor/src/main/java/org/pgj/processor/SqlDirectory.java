package org.pgj.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Finds the project's {@code src/main/sql} folder, which {@code @ExtensionSql(file = ...)} paths
 * are relative to. The {@code pgj.sqlDir} option wins; otherwise the folder is found from where
 * the compiler writes classes ({@code target/classes}), by walking up to the build file.
 */
final class SqlDirectory {
    static final String OPTION = "pgj.sqlDir";

    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
    /** Never written: only its location is asked for. */
    private static final String PROBE = "META-INF/pgj/sql-dir-probe";

    private SqlDirectory() {
    }

    static Optional<Path> locate(String option, Filer filer) {
        if (option != null && !option.isBlank()) {
            return Optional.of(Path.of(option));
        }
        try {
            URI probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PROBE).toUri();
            if (!"file".equals(probe.getScheme())) {
                return Optional.empty();
            }
            for (Path dir = Path.of(probe).getParent(); dir != null; dir = dir.getParent()) {
                Path here = dir;
                if (BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(here.resolve(f)))) {
                    return Optional.of(dir.resolve("src").resolve("main").resolve("sql"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // No file-system class output (an in-memory compile): only the option can say.
        }
        return Optional.empty();
    }
}
