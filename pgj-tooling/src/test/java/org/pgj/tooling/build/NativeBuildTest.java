package org.pgj.tooling.build;

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
import org.pgj.tooling.FakePgConfig;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.PgjRuntime;

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
    void aFailedBuildShowsItsFirstErrorAndWhereTheLogIs() throws IOException {
        Map<String, byte[]> sources = new TreeMap<>(NativeSources.load("org/pgj/testnative/"));
        // The first error (an unknown member) is the cause; the one after it is a consequence.
        sources.put("hello.c", """
                #include "postgres.h"
                #include "access/tupdesc.h"
                static int first_error(TupleDesc d) { return d->no_such_member; }
                static int knock_on = undeclared_after_it;
                """.getBytes(StandardCharsets.UTF_8));
        List<String> steps = new ArrayList<>();
        ToolException e = assertThrows(ToolException.class, () -> NativeBuild.build(pg, jdk, home, steps::add, sources));
        String message = e.getMessage();
        assertTrue(message.startsWith("building pgj.so for PostgreSQL " + pg.version() + " failed"), message);
        int first = message.indexOf("hello.c:3:");
        assertTrue(first > 0 && message.contains("error:") && message.contains("no_such_member"), message);
        assertTrue(message.indexOf("error", first) < message.indexOf("full log:"), "the first error comes before the log's path: " + message);
        assertFalse(message.contains("hello.c:4:"), "knock-on errors stay in the log: " + message);
        String logLine = message.lines().filter(l -> l.startsWith("full log: ")).findFirst().orElseThrow();
        Path log = Path.of(logLine.substring("full log: ".length()));
        assertTrue(Files.readString(log).contains("hello.c:4:"), "the log has the whole output");
        assertTrue(steps.stream().anyMatch(s -> s.contains(NativeBuild.BUILD_LOG)), steps.toString());
        // A failed build leaves no cached result: the next attempt builds again.
        ToolException again = assertThrows(ToolException.class, () -> NativeBuild.build(pg, jdk, home, s -> { }, sources));
        assertTrue(again.getMessage().contains("hello.c:3:"), again.getMessage());
    }

    @Test
    void pgjNativeBuildsWithoutWarningsWithPgxsFlags() throws IOException {
        // What PGXS of this run's PostgreSQL turns on (-Wall, -Wmissing-format-attribute, ...), as users build it.
        Path library = NativeBuild.build(pg, jdk, home, s -> { }, NativeSources.load(NativeSources.PREFIX));
        String log = Files.readString(library.getParent().resolve("src").resolve(NativeBuild.BUILD_LOG));
        assertTrue(log.contains("facts.c"), "the log is the compiler's: " + log);
        assertEquals(List.of(), new CompilerOutput(log).warnings(), "pgj-native warnings on " + pg);
    }

    @Test
    void hashCoversServerAndJdk() throws IOException {
        Map<String, byte[]> sources = NativeSources.load("org/pgj/testnative/");
        PgConfig other = PgConfig.find(FakePgConfig.create(home.resolve("fake"), "16.1"));
        assertNotEquals(NativeBuild.hash(pg, jdk, sources, Map.of(), PgjRuntime.current()), NativeBuild.hash(other, jdk, sources, Map.of(), PgjRuntime.current()));
        assertEquals(NativeBuild.hash(pg, jdk, sources, Map.of(), PgjRuntime.current()), NativeBuild.hash(pg, jdk, new TreeMap<>(sources), Map.of(), PgjRuntime.current()));
        assertEquals(64, NativeBuild.hash(pg, jdk, sources, Map.of(), PgjRuntime.current()).length());
    }

    @Test
    void hashCoversTheExactServerBuildAndCompilerSettings() throws IOException {
        Map<String, byte[]> sources = NativeSources.load("org/pgj/testnative/");
        Path path = FakePgConfig.create(home.resolve("fake"), "16.1 (one build)");
        String one = NativeBuild.hash(PgConfig.find(path), jdk, sources, Map.of(), PgjRuntime.current());
        FakePgConfig.create(home.resolve("fake"), "16.1 (another build)");
        PgConfig rebuilt = PgConfig.find(path);
        assertEquals("16.1", rebuilt.version());
        assertNotEquals(one, NativeBuild.hash(rebuilt, jdk, sources, Map.of(), PgjRuntime.current()), "same minor, another pg_config --version");
        String plain = NativeBuild.hash(pg, jdk, sources, Map.of("HOME", "/x"), PgjRuntime.current());
        for (String name : NativeBuild.COMPILER_ENVIRONMENT) {
            assertNotEquals(plain, NativeBuild.hash(pg, jdk, sources, Map.of(name, "-O0"), PgjRuntime.current()), name);
        }
        assertEquals(plain, NativeBuild.hash(pg, jdk, sources, Map.of("HOME", "/y"), PgjRuntime.current()), "other variables do not matter");
        assertNotEquals(plain, NativeBuild.hash(pg, jdk, sources, Map.of("HOME", "/x"), new PgjRuntime("0.2.0-other")),
                "another pgj version's runtime is another build");
    }
}
