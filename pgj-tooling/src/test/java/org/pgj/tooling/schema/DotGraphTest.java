package org.pgj.tooling.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotGraphTest {
    @TempDir
    Path tmp;

    @Test
    void objectsPointAtWhatTheyNeed() throws IOException {
        Path file = tmp.resolve("objects.properties");
        Files.writeString(file, """
                extension=demo
                count=3
                0.kind=extension_sql
                0.name=seed
                0.signature=seed
                0.origin=extension_sql\\: seed
                0.position=FIRST
                0.requires=
                1.kind=function
                1.name=util.add_one
                1.signature=util.add_one(integer)
                1.origin=org.example.Demo.addOne(int)
                1.position=ORDERED
                1.requires=seed
                2.kind=procedure
                2.name=tidy
                2.signature=tidy()
                2.origin=org.example.Demo.tidy()
                2.position=ORDERED
                2.requires=util.add_one
                """);
        String dot = DotGraph.render(ObjectGraph.read(file));
        assertTrue(dot.startsWith("digraph \"demo\" {\n"), dot);
        assertTrue(dot.contains("\"language pgj_demo\" -> \"extension demo\";"), dot);
        assertTrue(dot.contains("\"schema util\" [shape = folder];"), dot);
        assertTrue(dot.contains("\"function util.add_one(integer)\" -> \"schema util\";"), dot);
        assertTrue(dot.contains("\"function util.add_one(integer)\" -> \"sql seed\" [label = \"requires\"];"), dot);
        assertTrue(dot.contains("\"procedure tidy()\" -> \"function util.add_one(integer)\" [label = \"requires\"];"), dot);
        assertTrue(dot.contains("\"sql seed\" [shape = note, label = \"@ExtensionSql seed\\nFIRST\"];"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
    }
}
