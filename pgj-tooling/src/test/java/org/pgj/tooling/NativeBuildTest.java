package org.pgj.tooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a tiny PGXS module (src/test/resources/org/pgj/testnative) with the real pg_config and gcc. */
class NativeBuildTest {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    @TempDir
    Path home;

    private final PgConfig pg = PgConfig.find(null);
    private final Jdk jdk = Jdk.current();

    @Test
    void readsSourcesFromADirectoryAndSkipsBuildOutput() {
        Map<String, byte[]> sources = NativeSources.load("org/pgj/testnative/");
        assertEquals(List.of("Makefile", "hello.c"), new ArrayList<>(sources.keySet()));
        assertTrue(NativeSources.isSource("sub/x.h"));
        assertFalse(NativeSources.isSource("hello.o"));
        assertFalse(NativeSources.isSource("pgj.so"));
    }

    @Test
    void readsSourcesFromAJar() throws IOException {
        Path jar = home.resolve("native.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("org/pgj/jarnative/Makefile", "org/pgj/jarnative/a.c", "org/pgj/jarnative/a.o",
                    "org/pgj/other/b.c")) {
                out.putNextEntry(new JarEntry(name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            Map<String, byte[]> sources = NativeSources.load("org/pgj/jarnative/");
            assertEquals(List.of("Makefile", "a.c"), new ArrayList<>(sources.keySet()));
            assertArrayEquals("org/pgj/jarnative/a.c".getBytes(StandardCharsets.UTF_8), sources.get("a.c"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void missingSourcesSayWhichArtifactToAdd() {
        ToolException e = assertThrows(ToolException.class, () -> NativeSources.load("org/pgj/nowhere/"));
        assertTrue(e.getMessage().contains("org.pgj:pgj-native"), e.getMessage());
    }

    @Test
    void buildsOnceAndRebuildsOnlyWhenSourcesChange() throws IOException {
        Map<String, byte[]> sources = NativeSources.load("org/pgj/testnative/");
        List<String> steps = new ArrayList<>();

        Path first = NativeBuild.build(pg, jdk, home, steps::add, sources);
        assertTrue(first.startsWith(home.resolve("native")), first.toString());
        assertTrue(first.getParent().getFileName().toString().startsWith(pg.major() + "-"), first.toString());
        assertArrayEquals(ELF, Arrays.copyOf(Files.readAllBytes(first), 4), "an ELF shared object");
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("building pgj.so")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("built pgj.so")), steps.toString());

        steps.clear();
        Path again = NativeBuild.build(pg, jdk, home, steps::add, sources);
        assertEquals(first, again);
        assertEquals(List.of(), steps, "a cached build reports nothing and runs no make");

        Map<String, byte[]> changed = new TreeMap<>(sources);
        changed.put("hello.c", (new String(sources.get("hello.c"), StandardCharsets.UTF_8) + "\n/* changed */\n")
                .getBytes(StandardCharsets.UTF_8));
        Path rebuilt = NativeBuild.build(pg, jdk, home, steps::add, changed);
        assertNotEquals(first.getParent(), rebuilt.getParent());
        assertTrue(Files.isRegularFile(rebuilt));
        assertTrue(Files.isRegularFile(first), "the older build stays cached");
    }

    @Test
    void compileErrorsEndUpInTheMessage() {
        Map<String, byte[]> sources = new TreeMap<>(NativeSources.load("org/pgj/testnative/"));
        sources.put("hello.c", "#include \"postgres.h\"\nint broken( { syntax_error_here }\n".getBytes(StandardCharsets.UTF_8));
        List<String> steps = new ArrayList<>();
        ToolException e = assertThrows(ToolException.class, () -> NativeBuild.build(pg, jdk, home, steps::add, sources));
        assertTrue(e.getMessage().contains("building pgj.so failed"), e.getMessage());
        assertTrue(e.getMessage().contains("hello.c"), e.getMessage());
        assertTrue(e.getMessage().contains("error"), e.getMessage());
        assertTrue(steps.stream().anyMatch(s -> s.contains("build.log")), steps.toString());
        // A failed build leaves no cached result: the next attempt builds again.
        ToolException again = assertThrows(ToolException.class, () -> NativeBuild.build(pg, jdk, home, s -> { }, sources));
        assertTrue(again.getMessage().contains("building pgj.so failed"));
    }

    @Test
    void hashCoversServerAndJdk() throws IOException {
        Map<String, byte[]> sources = NativeSources.load("org/pgj/testnative/");
        PgConfig other = PgConfig.find(FakePgConfig.create(home.resolve("fake"), "16.1"));
        assertNotEquals(NativeBuild.hash(pg, jdk, sources), NativeBuild.hash(other, jdk, sources));
        assertEquals(NativeBuild.hash(pg, jdk, sources), NativeBuild.hash(pg, jdk, new TreeMap<>(sources)));
        assertEquals(64, NativeBuild.hash(pg, jdk, sources).length());
    }
}
