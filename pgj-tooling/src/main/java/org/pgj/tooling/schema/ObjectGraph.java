package org.pgj.tooling.schema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;

/**
 * The extension's objects and what each comes after, read from the processor's
 * {@code META-INF/pgj/objects.properties} (written by pgj-processor's ObjectIndex; that class
 * documents the format). Read here with plain Properties because pgj-tooling runs inside Maven
 * and must not load the processor's Java 25 classes.
 */
record ObjectGraph(String extension, List<Node> nodes) {
    /**
     * One generated object. {@code kind} is {@code function}, {@code procedure}, {@code aggregate},
     * {@code type}, {@code schema}, {@code cast}, {@code operator} or {@code extension_sql};
     * {@code name} is what {@code requires} refers to (shared by overloads); {@code signature}
     * tells overloads apart; {@code edges} are what it comes after.
     */
    record Node(String kind, String name, String signature, String origin, String position, List<String> requires,
                List<Edge> edges) {
    }

    /** The node comes after node {@code target} (an index into the nodes) because of {@code reason}. */
    record Edge(int target, String reason) {
    }

    static ObjectGraph read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ToolException("no " + file + ": build the project (mvn compile) with the pgj annotation processor");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): rebuild the project", e);
        }
        int count = Integer.parseInt(p.getProperty("count", "0"));
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Edge> edges = new ArrayList<>();
            for (String edge : list(p.getProperty(i + ".edges", ""))) {
                String[] parts = edge.split(" ", 2);
                int target = parts.length == 2 && parts[0].matches("\\d+") ? Integer.parseInt(parts[0]) : -1;
                if (target < 0 || target >= count) {
                    throw new ToolException(file + " has a bad edge '" + edge + "' at entry " + i
                            + ": rebuild the project with this version of pgj");
                }
                edges.add(new Edge(target, parts[1]));
            }
            nodes.add(new Node(p.getProperty(i + ".kind"), p.getProperty(i + ".name"), p.getProperty(i + ".signature"),
                    p.getProperty(i + ".origin"), p.getProperty(i + ".position"), list(p.getProperty(i + ".requires", "")),
                    List.copyOf(edges)));
        }
        return new ObjectGraph(p.getProperty("extension", ""), nodes);
    }

    private static List<String> list(String text) {
        return text.isBlank() ? List.of() : Stream.of(text.split(",")).map(String::strip).toList();
    }
}
