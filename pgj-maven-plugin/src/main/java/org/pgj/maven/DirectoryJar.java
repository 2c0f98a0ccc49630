package org.pgj.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A jar of a class folder (target/classes, target/test-classes), written without the jar
 * plugin because staging runs before the package phase. Entries are sorted and carry a fixed
 * time, so an unchanged folder gives a byte-identical jar.
 */
final class DirectoryJar {
    /** 1980-02-01, the earliest time a zip entry stores exactly. */
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L + 31L * 86_400_000L);

    private DirectoryJar() {
    }

    static void write(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "pgj-maven-plugin");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            JarEntry manifestEntry = entry("META-INF/MANIFEST.MF");
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            if (!Files.isDirectory(classes)) {
                return;
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(classes)) {
                paths = walk.filter(p -> !p.equals(classes)).sorted().toList();
            }
            for (Path path : paths) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (name.equals("META-INF") || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                // Folder entries too: class path scanners look packages up with getResources("org/...").
                if (Files.isDirectory(path)) {
                    out.putNextEntry(entry(name + "/"));
                } else {
                    out.putNextEntry(entry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        return entry;
    }
}
