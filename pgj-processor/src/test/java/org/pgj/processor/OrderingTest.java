package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order of objects in the install script, and @ExtensionSql blocks. */
class OrderingTest {
    @TempDir
    Path dir;

    /** The origin comments of the script, i.e. the objects in install order. */
    private static List<String> objects(Compilation c) {
        return c.sql().lines().filter(l -> l.startsWith("-- ") && !l.startsWith("-- language ")).map(l -> l.substring(3)).toList();
    }

    @Test
    void firstBlocksThenOrderedThenLastWithLanguageBeforeAll() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.functions.ExtensionSql.Position;
                @ExtensionSql(name = "finish", sql = "SELECT 'finish';", position = Position.LAST)
                @ExtensionSql(name = "boot2", sql = "SELECT 'boot2';", position = Position.FIRST)
                @ExtensionSql(name = "middle", sql = "SELECT 'middle';")
                @ExtensionSql(name = "boot1", sql = "SELECT 'boot1';", position = Position.FIRST)
                public class Demo {
                    @PgFunction public static int f(int x) { return x; }
                    @PgFunction public static int g(int x) { return x; }
                }
                """);
        assertEquals(List.of("extension_sql: boot2", "extension_sql: boot1", "extension_sql: middle",
                "org.example.Demo.f(int)", "org.example.Demo.g(int)", "extension_sql: finish"), objects(c));
        String sql = c.sql();
        assertTrue(sql.indexOf("CREATE LANGUAGE pgj_demo") < sql.indexOf("SELECT 'boot2';"));
    }

    @Test
    void afterAndRequiresReorderWithinTheGroup() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "uses_g", sql = "SELECT util.g(1);", after = {"util.g"})
                public class Demo {
                    @PgFunction(requires = "g_ready") public static int f(int x) { return x; }
                    @PgFunction(schema = "util") public static int g(int x) { return x; }
                }
                """, """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "g_ready", sql = "SELECT 1;", after = "util.g")
                public class Later {}
                """);
        assertEquals(List.of("org.example.Demo.g(int)", "extension_sql: uses_g", "extension_sql: g_ready",
                "org.example.Demo.f(int)"), objects(c));
    }

    @Test
    void requiresNamingAnOverloadedFunctionWaitsForAllOverloads() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction(requires = "twice") public static int first(int x) { return x; }
                    @PgFunction public static int twice(int x) { return x; }
                    @PgFunction public static long twice(long x) { return x; }
                }
                """);
        assertEquals(List.of("org.example.Demo.twice(int)", "org.example.Demo.twice(long)",
                "org.example.Demo.first(int)"), objects(c));
    }

    @Test
    void unknownAfterNameIsAnError() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "seed", sql = "SELECT 1;", after = "nope")
                public class Demo {
                    @PgFunction public static int f(int x) { return x; }
                }
                """);
        c.assertOneError("@ExtensionSql 'seed'", "unknown object 'nope'", "known objects: f, seed");
    }

    @Test
    void unknownRequiresSuggestsTheQualifiedName() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                public class Demo {
                    @PgFunction(schema = "util") public static int g(int x) { return x; }
                    @PgFunction(requires = "g") public static int f(int x) { return x; }
                }
                """);
        Diagnostic<? extends JavaFileObject> error =
                c.assertOneError("org.example.Demo.f(int)", "unknown object 'g'", "did you mean 'util.g'?");
        assertEquals(5, error.getLineNumber(), "reported on the method");
    }

    @Test
    void cyclesAreErrorsNamingTheCycle() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "a", sql = "SELECT 1;", after = "f")
                public class Demo {
                    @PgFunction(requires = "a") public static int f(int x) { return x; }
                    @PgFunction public static int g(int x) { return x; }
                }
                """);
        assertEquals(2, c.errors().size(), () -> c.errorMessages().toString());
        for (String message : c.errorMessages()) {
            assertTrue(message.startsWith("dependency cycle: "), message);
            assertTrue(message.contains("a -> f -> a") || message.contains("f -> a -> f"), message);
        }
        assertTrue(c.file("demo--1.0.sql") == null);
    }

    @Test
    void aFirstBlockCannotComeAfterAFunction() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "early", sql = "SELECT 1;", after = "f", position = ExtensionSql.Position.FIRST)
                public class Demo {
                    @PgFunction public static int f(int x) { return x; }
                }
                """);
        c.assertOneError("@ExtensionSql 'early' (FIRST) cannot come after @PgFunction org.example.Demo.f(int) (ORDERED)");
    }

    /** The index's entries as "kind signature -> kind signature (reason)" lines. */
    private static List<String> edges(Compilation c) throws IOException {
        List<ObjectIndex.Entry> entries = ObjectIndex.read(new StringReader(c.file("objects.properties")));
        return entries.stream().flatMap(e -> e.edges().stream().map(edge -> e.kind() + " " + e.signature() + " -> "
                + entries.get(edge.target()).kind() + " " + entries.get(edge.target()).signature() + " (" + edge.reason() + ")"))
                .toList();
    }

    /**
     * A function declared before the types it uses (by source order, org.example.A sorts before
     * org.example.Z), in another schema, through a set, an array and @SqlType: the types come
     * first, each after the types of its attributes.
     */
    @Test
    void typesComeBeforeTheirUsersAcrossSchemas() throws IOException {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import java.util.stream.Stream;
                public class A {
                    public record Pair(Z.Spot spot, Z.Mood mood) {}
                    @PgFunction(schema = "util") public static Pair pair(Z.Spot[] spots) { return null; }
                    @PgFunction(schema = "util") public static Stream<Z.Mood> moods() { return null; }
                    @PgFunction(schema = "util") public static int count(@SqlType("mood[]") String[] moods) { return 0; }
                }
                """, """
                package org.example;
                public class Z {
                    public record Spot(int x) {}
                    public enum Mood { HAPPY, SAD }
                }
                """);
        assertEquals(List.of("org.example.Z$Mood", "org.example.Z$Spot", "org.example.A$Pair",
                "org.example.A.pair(org.example.Z$Spot[])", "org.example.A.moods()",
                "org.example.A.count(java.lang.String[])"), objects(c));
        assertTrue(c.sql().contains("CREATE TYPE pair AS (spot spot, mood mood);"), c.sql());
        assertTrue(c.sql().indexOf("CREATE SCHEMA IF NOT EXISTS util;") < c.sql().indexOf("CREATE FUNCTION util.pair"), c.sql());
        assertEquals(List.of(
                "type pair -> type spot (type)",
                "type pair -> type mood (type)",
                "function util.pair(spot[]) -> type pair (type)",
                "function util.pair(spot[]) -> type spot (type)",
                "function util.pair(spot[]) -> schema util (schema)",
                "function util.moods() -> type mood (type)",
                "function util.moods() -> schema util (schema)",
                "function util.count(mood[]) -> type mood (type)",
                "function util.count(mood[]) -> schema util (schema)"), edges(c));
    }

    /** SORTOP names an operator that a function of a later class creates: the aggregate waits for it. */
    @Test
    void anAggregateComesAfterItsSortOperator() throws IOException {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.aggregates.*;
                @PgAggregate(name = "smallest", sortOperator = "<<<")
                public class A {
                    @StateFunction public static int pick(int s, int x) { return Math.min(s, x); }
                }
                """, """
                package org.example;
                import org.pgj.functions.*;
                public class B {
                    @PgFunction @PgOperator("<<<") public static boolean below(int a, int b) { return a < b; }
                }
                """);
        assertEquals(List.of("org.example.A.pick(int,int)", "org.example.B.below(int,int)", "org.example.A"), objects(c));
        assertTrue(edges(c).contains("aggregate smallest(integer) -> function below(integer, integer) (operator)"), edges(c)::toString);
        assertTrue(edges(c).contains("aggregate smallest(integer) -> function smallest_state(integer, integer) (function)"),
                edges(c)::toString);
        assertTrue(edges(c).contains("operator <<<(integer, integer) -> function below(integer, integer) (function)"),
                edges(c)::toString);
    }

    /** A FIRST block that names a generated type gets it (and the types it uses) before it; other types stay after FIRST blocks. */
    @Test
    void aFirstBlockPullsTheTypesItNamesAhead() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                import org.pgj.functions.ExtensionSql.Position;
                @ExtensionSql(name = "boot", sql = "SELECT 'boot';", position = Position.FIRST)
                @ExtensionSql(name = "moods", sql = "CREATE TABLE moods(m mood);", position = Position.FIRST, after = "mood")
                public class B {
                    public enum Mood { HAPPY }
                    public enum Other { X }
                    @PgFunction public static int f(Mood m, Other o) { return 0; }
                }
                """);
        assertEquals(List.of("org.example.B$Mood", "extension_sql: boot", "extension_sql: moods", "org.example.B$Other",
                "org.example.B.f(org.example.B$Mood,org.example.B$Other)"), objects(c));
    }

    @Test
    void cyclesThroughInferredEdgesNameEveryObject() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.aggregates.*;
                import org.pgj.functions.*;
                @PgAggregate(name = "total", requires = "g")
                public class A {
                    @StateFunction public static long add(long s, long x) { return s + x; }
                    @PgFunction(requires = "total") public static int g(int x) { return x; }
                }
                """);
        assertTrue(c.errors().size() >= 2, () -> c.errorMessages().toString());
        for (String message : c.errorMessages()) {
            assertTrue(message.startsWith("dependency cycle: "), message);
            assertTrue(message.contains("total") && message.contains("total_state") && message.contains("g"), message);
        }
        assertTrue(c.file("demo--1.0.sql") == null);
    }

    @Test
    void onlyLastBlocksComeAfterALastBlock() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "late", sql = "SELECT 1;", position = ExtensionSql.Position.LAST)
                @ExtensionSql(name = "later", sql = "SELECT 2;", position = ExtensionSql.Position.LAST, after = "late")
                public class Demo {
                    @PgFunction(requires = "late") public static int f(int x) { return x; }
                }
                """);
        c.assertOneError("@PgFunction org.example.Demo.f(int) (ORDERED) cannot come after @ExtensionSql 'late' (LAST)");
    }

    @Test
    void fileBlocksReadFromTheSqlDirOption() throws IOException {
        Path sqlDir = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(sqlDir.resolve("schema.sql"), "CREATE TABLE t(i int);\n\n");
        Compilation c = Compilation.compile(dir, List.of("-Apgj.sqlDir=" + sqlDir), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "tables", file = "schema.sql")
                public class Demo {
                    @PgFunction public static int f(int x) { return x; }
                }
                """);
        assertTrue(c.sql().contains("-- extension_sql: tables\nCREATE TABLE t(i int);\n\n-- org.example.Demo.f(int)\n"), c.sql());
    }

    @Test
    void fileBlocksDefaultToSrcMainSqlOfTheProject() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path sqlDir = Files.createDirectories(dir.resolve("src/main/sql/sub"));
        Files.writeString(sqlDir.resolve("x.sql"), "SELECT 'from file';");
        Compilation c = Compilation.compile(dir, List.of(), """
                @org.pgj.functions.ExtensionSql(name = "pkg", file = "sub/x.sql")
                package org.example;
                """, """
                package org.example;
                public class Demo {
                    @org.pgj.functions.PgFunction public static int f(int x) { return x; }
                }
                """);
        assertEquals(List.of("extension_sql: pkg", "org.example.Demo.f(int)"), objects(c));
        assertTrue(c.sql().contains("SELECT 'from file';\n"));
    }

    @Test
    void missingFileIsAnError() {
        Compilation c = Compilation.compile(dir, List.of("-Apgj.sqlDir=" + dir), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "tables", file = "missing.sql")
                public class Demo {
                    @PgFunction public static int f(int x) { return x; }
                }
                """);
        c.assertOneError("@ExtensionSql 'tables' on org.example.Demo", "file 'missing.sql' not found",
                dir.resolve("missing.sql").toString());
    }

    @Test
    void blockNeedsExactlyOneOfSqlAndFile() {
        Compilation both = Compilation.compile(dir.resolve("both"), List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "x", sql = "SELECT 1;", file = "x.sql")
                public class Demo { @PgFunction public static int f(int x) { return x; } }
                """);
        both.assertOneError("@ExtensionSql 'x' on org.example.Demo must give exactly one of sql or file, not both");
        Compilation neither = Compilation.compile(dir.resolve("neither"), List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "x")
                public class Demo { @PgFunction public static int f(int x) { return x; } }
                """);
        neither.assertOneError("@ExtensionSql 'x' on org.example.Demo must give exactly one of sql or file, not neither");
    }

    @Test
    void blockNamesMustBeUnique() {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "x", sql = "SELECT 1;")
                @ExtensionSql(name = "f", sql = "SELECT 2;")
                public class Demo { @PgFunction public static int f(int x) { return x; } }
                """, """
                package org.example;
                @org.pgj.functions.ExtensionSql(name = "x", sql = "SELECT 3;")
                public class Other {}
                """);
        assertEquals(List.of(
                "@ExtensionSql name 'f' is also the name of a @PgFunction; after/requires could not tell them apart",
                "@ExtensionSql name 'x' is used on both org.example.Demo and org.example.Other"),
                c.errorMessages().stream().sorted().toList());
    }
}
