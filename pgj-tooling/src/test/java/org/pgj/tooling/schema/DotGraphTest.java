package org.pgj.tooling.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolException;

class DotGraphTest {
    @TempDir
    Path tmp;

    /** An index as pgj-processor writes it (ObjectIndex): entries in install order, edges by index. */
    private Path index(String entries) throws IOException {
        Path file = tmp.resolve("objects.properties");
        Files.writeString(file, "extension=demo\n" + entries);
        return file;
    }

    private static final String ENTRIES = """
            count=7
            0.kind=extension_sql
            0.name=seed
            0.signature=seed
            0.origin=extension_sql\\: seed
            0.position=FIRST
            0.requires=
            0.edges=
            1.kind=type
            1.name=vec2
            1.signature=vec2
            1.origin=org.example.Demo$Vec2
            1.position=ORDERED
            1.requires=
            1.edges=
            2.kind=schema
            2.name=util
            2.signature=util
            2.origin=schema util
            2.position=ORDERED
            2.requires=
            2.edges=
            3.kind=function
            3.name=util.diagonal
            3.signature=util.diagonal(integer)
            3.origin=org.example.Demo.diagonal(int)
            3.position=ORDERED
            3.requires=seed
            3.edges=1 type,2 schema,0 requires
            4.kind=cast
            4.name=(integer AS vec2)
            4.signature=(integer AS vec2)
            4.origin=org.example.Demo.diagonal(int)
            4.position=ORDERED
            4.requires=
            4.edges=3 function
            5.kind=aggregate
            5.name=vec_sum
            5.signature=vec_sum(vec2)
            5.origin=org.example.VecSum
            5.position=ORDERED
            5.requires=
            5.edges=1 type,3 function
            6.kind=procedure
            6.name=tidy
            6.signature=tidy()
            6.origin=org.example.Demo.tidy()
            6.position=ORDERED
            6.requires=util.diagonal
            6.edges=3 requires
            """;

    @Test
    void everyEdgeOfTheDependencyGraphWithItsReason() throws IOException {
        String dot = DotGraph.render(ObjectGraph.read(index(ENTRIES)));
        assertTrue(dot.startsWith("digraph \"demo\" {\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
        List<String> edges = dot.lines().filter(l -> l.contains(" -> ")).map(String::strip).toList();
        assertEquals(List.of(
                "\"language pgj_demo\" -> \"extension demo\";",
                "\"sql seed\" -> \"extension demo\";",
                "\"schema util\" -> \"extension demo\";",
                "\"function util.diagonal(integer)\" -> \"language pgj_demo\";",
                "\"function util.diagonal(integer)\" -> \"type vec2\" [label = \"type\"];",
                "\"function util.diagonal(integer)\" -> \"schema util\";",
                "\"function util.diagonal(integer)\" -> \"sql seed\" [label = \"requires\"];",
                "\"cast (integer AS vec2)\" -> \"function util.diagonal(integer)\" [label = \"function\"];",
                "\"aggregate vec_sum(vec2)\" -> \"type vec2\" [label = \"type\"];",
                "\"aggregate vec_sum(vec2)\" -> \"function util.diagonal(integer)\" [label = \"function\"];",
                "\"procedure tidy()\" -> \"language pgj_demo\";",
                "\"procedure tidy()\" -> \"function util.diagonal(integer)\" [label = \"requires\"];"), edges);
    }

    @Test
    void nodesAreShapedByKind() throws IOException {
        String dot = DotGraph.render(ObjectGraph.read(index(ENTRIES)));
        assertTrue(dot.contains("\"sql seed\" [shape = note, label = \"@ExtensionSql seed\\nFIRST\"];"), dot);
        assertTrue(dot.contains("\"type vec2\" [shape = component, label = \"type vec2\\norg.example.Demo$Vec2\"];"), dot);
        assertTrue(dot.contains("\"schema util\" [shape = folder, label = \"schema util\"];"), dot);
        assertTrue(dot.contains("\"function util.diagonal(integer)\" [shape = box, label = "
                + "\"function util.diagonal(integer)\\norg.example.Demo.diagonal(int)\"];"), dot);
        assertTrue(dot.contains("\"cast (integer AS vec2)\" [shape = ellipse, label = \"cast (integer AS vec2)\"];"), dot);
    }

    /** An index from another pgj version is reported, with what to do, instead of a broken graph. */
    @Test
    void aBadEdgeSaysToRebuild() throws IOException {
        Path file = index("""
                count=1
                0.kind=function
                0.name=f
                0.signature=f()
                0.origin=org.example.Demo.f()
                0.position=ORDERED
                0.requires=
                0.edges=4 type
                """);
        ToolException e = assertThrows(ToolException.class, () -> ObjectGraph.read(file));
        assertTrue(e.getMessage().contains("bad edge '4 type' at entry 0: rebuild the project"), e.getMessage());
    }
}
