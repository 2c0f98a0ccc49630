package org.pgj.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryJarTest {
    @TempDir
    Path tmp;

    @Test
    void jarsAClassFolderReproducibly() throws Exception {
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes.resolve("org/example"));
        Files.createDirectories(classes.resolve("META-INF/pgj"));
        Files.writeString(classes.resolve("org/example/A.class"), "a");
        Files.writeString(classes.resolve("META-INF/pgj/demo.control"), "control");
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBroken: yes\n");

        Path first = tmp.resolve("one.jar");
        DirectoryJar.write(classes, first);
        Thread.sleep(1100); // a different wall clock must not change the bytes
        Path second = tmp.resolve("two.jar");
        DirectoryJar.write(classes, second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

        try (JarFile jar = new JarFile(first.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/pgj/", "META-INF/pgj/demo.control", "org/",
                    "org/example/", "org/example/A.class"), names);
            assertEquals("pgj-maven-plugin", jar.getManifest().getMainAttributes().getValue("Created-By"));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL()}, null);
             InputStream in = loader.getResourceAsStream("org/example/A.class")) {
            assertEquals("a", new String(in.readAllBytes()));
            List<URL> packages = new ArrayList<>(Collections.list(loader.getResources("org/example")));
            assertEquals(1, packages.size(), "package folders are resources too");
        }
    }

    @Test
    void missingFolderGivesAnEmptyJar() throws IOException {
        Path jar = tmp.resolve("empty.jar");
        DirectoryJar.write(tmp.resolve("nothing"), jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(1, Collections.list(file.entries()).size());
        }
    }
}
