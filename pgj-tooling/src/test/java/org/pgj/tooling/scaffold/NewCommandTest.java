package org.pgj.tooling.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ProjectBuilder;

/** The files of pgj new; that they build and pass their tests is shown end to end (tooling-e2e). */
class NewCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ToolContext ctx() {
        return new ToolContext(tmp.resolve("home"), PgVersions.of(tmp.resolve("home")), Progress.silent(),
                new PrintStream(out, true, StandardCharsets.UTF_8), tmp, ProjectBuilder.alreadyBuilt());
    }

    @Test
    void writesAProjectThatPinsThisBuildsVersions() throws IOException {
        assertEquals(0, NewCommand.run(ctx(), new NewCommand.Options("hello_world", false)));
        Path dir = tmp.resolve("hello_world");
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<pgj.version>" + PgjRelease.version() + "</pgj.version>"), pom);
        assertTrue(pom.contains("<maven.compiler.release>" + PgjRelease.javaRelease() + "</maven.compiler.release>"), pom);
        assertTrue(pom.contains("<version>" + PgjRelease.get("maven.surefire.plugin") + "</version>"), pom);
        assertTrue(pom.contains("<goal>check</goal>") && pom.contains("<goal>stage</goal>"), pom);
        assertFalse(pom.contains("{{"), "every placeholder is filled");
        String main = Files.readString(dir.resolve("src/main/java/org/example/hello_world/HelloWorld.java"));
        assertTrue(main.contains("@PgFunction(name = \"hello_hello_world\""), main);
        assertTrue(main.contains("return \"Hello, hello_world\";"), main);
        assertTrue(Files.isRegularFile(dir.resolve("src/test/java/org/example/hello_world/HelloWorldTest.java")));
        assertTrue(Files.readString(dir.resolve("src/test/regress/sql/hello_world.sql")).contains("SELECT hello_hello_world()"));
        assertTrue(Files.isRegularFile(dir.resolve("src/test/regress/expected/hello_world.out")));
        assertFalse(Files.exists(dir.resolve("src/main/java/org/example/hello_world/Worker.java")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("created the extension project hello_world in " + dir));
    }

    @Test
    void bgworkerAddsAWorkerAndItsTest() throws IOException {
        NewCommand.run(ctx(), new NewCommand.Options("ticker", true));
        String worker = Files.readString(tmp.resolve("ticker/src/main/java/org/example/ticker/Worker.java"));
        assertTrue(worker.contains("@PgFunction(name = \"ticker_tick\""), worker);
        assertTrue(worker.contains("new BackgroundWorkerBuilder(\"ticker worker\")"), worker);
        assertTrue(worker.contains("@PgFunction(name = \"ticker_start_worker\")"), worker);
        assertTrue(Files.isRegularFile(tmp.resolve("ticker/src/test/java/org/example/ticker/WorkerTest.java")));
    }

    @Test
    void runningItAgainChangesNothingAndOtherFoldersAreLeftAlone() throws IOException {
        NewCommand.run(ctx(), new NewCommand.Options("hello", false));
        Files.createDirectories(tmp.resolve("hello/target"));
        out.reset();
        assertEquals(0, NewCommand.run(ctx(), new NewCommand.Options("hello", false)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("as pgj new made it: nothing to do"));

        Path main = tmp.resolve("hello/src/main/java/org/example/hello/Hello.java");
        Files.writeString(main, "// edited\n");
        ToolException edited = assertThrows(ToolException.class, () -> NewCommand.run(ctx(), new NewCommand.Options("hello", false)));
        assertTrue(edited.getMessage().contains("exists and is not empty"), edited.getMessage());
        assertEquals("// edited\n", Files.readString(main), "never overwritten");
    }

    @Test
    void namesMustWorkInSqlJavaAndPaths() {
        for (Map.Entry<String, String> bad : Map.of("Hello", "lower-case", "my-ext", "e.g. my_ext", "1st", "starting with a letter",
                "select", "reserved", "class", "reserved", "x".repeat(58), "longer than 57").entrySet()) {
            ToolException e = assertThrows(ToolException.class, () -> NewCommand.checkName(bad.getKey()));
            assertTrue(e.getMessage().contains(bad.getValue()), bad.getKey() + ": " + e.getMessage());
        }
        assertEquals("ok_name2", NewCommand.checkName("ok_name2"));
        assertThrows(ToolException.class, () -> NewCommand.checkName(""));
    }

    /** pg_ is reserved for schemas and roles, not for extensions: pg_trgm, pg_similarity. */
    @Test
    void namesMayStartWithPg() throws IOException {
        assertEquals("pg_similarity", NewCommand.checkName("pg_similarity"));
        assertEquals(0, NewCommand.run(ctx(), new NewCommand.Options("pg_similarity", false)));
        Path dir = tmp.resolve("pg_similarity");
        assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<pgj.extension>pg_similarity</pgj.extension>"));
        String main = Files.readString(dir.resolve("src/main/java/org/example/pg_similarity/PgSimilarity.java"));
        assertTrue(main.contains("@PgFunction(name = \"hello_pg_similarity\""), main);
    }

    @Test
    void classNamesAreCamelCase() {
        assertEquals("HelloWorld", ProjectTemplate.className("hello_world"));
        assertEquals("Ext2", ProjectTemplate.className("ext2"));
    }
}
