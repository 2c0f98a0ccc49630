package org.pgj.tooling.info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pgj.tooling.installation.InstallDirs;

/** The pgj files in one set of install folders: pgj.so and each pgj extension's scripts and jars. */
final class InstalledFiles {
    private InstalledFiles() {
    }

    /** Lines describing what is installed in {@code dirs}, or one line saying nothing is. */
    static List<String> describe(InstallDirs dirs) {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(dirs.library())) {
            lines.add(dirs.library().toString());
        }
        for (String ext : pgjExtensions(dirs.extensionDir())) {
            List<String> files = new ArrayList<>();
            try (Stream<Path> all = Files.list(dirs.extensionDir())) {
                all.map(f -> f.getFileName().toString())
                        .filter(f -> f.equals(ext + ".control") || f.startsWith(ext + "--") && f.endsWith(".sql"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                files.add("(unreadable: " + e.getMessage() + ")");
            }
            Path jars = dirs.pgjDir().resolve(ext);
            lines.add(ext + ": " + dirs.extensionDir() + "/{" + String.join(", ", files) + "}, "
                    + jars + "/ (" + count(jars) + " jar(s))");
        }
        if (lines.isEmpty()) {
            lines.add("no pgj files");
        }
        return lines;
    }

    private static List<String> pgjExtensions(Path extensionDir) {
        if (!Files.isDirectory(extensionDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(extensionDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".control"))
                    .filter(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8).contains("$libdir/pgj'");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(f -> f.getFileName().toString().replaceFirst("\\.control$", ""))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
