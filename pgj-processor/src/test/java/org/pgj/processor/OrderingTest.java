package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
