package org.pgj.tooling.info;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.installation.PgjRuntime;

/** The pgj files in one set of install folders: the pgj runtimes and each pgj extension's scripts and jars. */
final class InstalledFiles {
    private InstalledFiles() {
    }

    /** Lines describing what is installed in {@code dirs}, or one line saying nothing is. */
    static List<String> describe(InstallDirs dirs) {
        List<String> lines = new ArrayList<>();
        lines.addAll(runtimes(dirs));
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

    /** Each pgj version's runtime library with its Java runtime folder, and where the pgj.so link points. */
    private static List<String> runtimes(InstallDirs dirs) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dirs.pkglibdir())) {
            return lines;
        }
        try (Stream<Path> files = Files.list(dirs.pkglibdir())) {
            for (Path library : files.filter(f -> f.getFileName().toString().matches("pgj-.+\\.so")).sorted().toList()) {
                String name = library.getFileName().toString();
                PgjRuntime runtime = new PgjRuntime(name.substring("pgj-".length(), name.length() - ".so".length()));
                Path jars = dirs.runtimeDir(runtime);
                lines.add(runtime + ": " + library + ", " + jars + "/" + (Files.isDirectory(jars) ? "" : " (missing)"));
            }
        } catch (IOException | RuntimeException e) {
            lines.add("pgj runtimes in " + dirs.pkglibdir() + ": unreadable (" + e.getMessage() + ")");
        }
        Path link = dirs.latestLink();
        if (Files.isRegularFile(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            lines.add(link + " (a runtime from before pgj named runtimes by version)");
        } else if (Files.isSymbolicLink(link)) {
            try {
                lines.add(link + " -> " + Files.readSymbolicLink(link) + " (LOAD 'pgj', shared_preload_libraries = 'pgj')");
            } catch (IOException e) {
                lines.add(link + ": unreadable link (" + e.getMessage() + ")");
            }
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
                            return PgjRuntime.isPgjControl(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
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
