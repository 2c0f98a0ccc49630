package org.pgj.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** objects.properties lists the objects in install order, and reads back into the same entries. */
class ObjectIndexTest {
    @TempDir
    Path dir;

    private static ObjectIndex.Edge edge(int target, String reason) {
        return new ObjectIndex.Edge(target, reason);
    }

    @Test
    void generatedIndexReadsBackInInstallOrder() throws IOException {
        Compilation c = Compilation.compile(dir, List.of(), """
                package org.example;
                import org.pgj.functions.*;
                @ExtensionSql(name = "seed", sql = "SELECT 1;", position = ExtensionSql.Position.FIRST)
                @ExtensionSql(name = "uses", sql = "SELECT 2;", after = {"util.add_one", "seed"})
                public class Demo {
                    @PgFunction(schema = "util") public static int addOne(int x) { return x + 1; }
                    @PgFunction(schema = "util", name = "add_one", requires = "seed") public static long addOneL(long x) { return x + 1; }
                }
                """);
        c.assertSucceeded();
        List<ObjectIndex.Entry> entries = ObjectIndex.read(new StringReader(c.file("objects.properties")));
        assertEquals(List.of(
                new ObjectIndex.Entry("extension_sql", "seed", "seed", "extension_sql: seed", "FIRST", List.of(), List.of()),
                new ObjectIndex.Entry("schema", "util", "util", "schema util", "ORDERED", List.of(), List.of()),
                new ObjectIndex.Entry("function", "util.add_one", "util.add_one(integer)",
                        "org.example.Demo.addOne(int)", "ORDERED", List.of(), List.of(edge(1, "schema"))),
                new ObjectIndex.Entry("function", "util.add_one", "util.add_one(bigint)",
                        "org.example.Demo.addOneL(long)", "ORDERED", List.of("seed"),
                        List.of(edge(1, "schema"), edge(0, "requires"))),
                new ObjectIndex.Entry("extension_sql", "uses", "uses", "extension_sql: uses", "ORDERED",
                        List.of("util.add_one", "seed"), List.of(edge(2, "requires"), edge(3, "requires"), edge(0, "requires")))),
                entries);
        assertEquals("# pgj objects of extension demo, in install order", c.file("objects.properties").lines().findFirst().orElseThrow());
    }
}
