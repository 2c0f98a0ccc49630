package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A private server's log, {@code logs/<name>.log} under the pgj home: error messages quote its end. */
final class ServerLog {
    private static final long ROTATE_BYTES = 20L << 20;

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The last {@code n} lines (empty if there is no log yet). */
    List<String> lastLines(int n) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            // Lenient decoding: a backend may log bytes that are not UTF-8.
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Moves a log grown past 20 MB to {@code <name>.log.1}, before the server starts writing a new one. */
    void rotate() throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > ROTATE_BYTES) {
            String name = file.getFileName().toString();
            Files.move(file, file.resolveSibling(name + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
