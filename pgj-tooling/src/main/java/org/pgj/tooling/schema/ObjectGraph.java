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
 * The extension's objects and what each requires, read from the processor's
 * {@code META-INF/pgj/objects.properties} (written by pgj-processor's ObjectIndex; that class
 * documents the format). Read here with plain Properties because pgj-tooling runs inside Maven
 * and must not load the processor's Java 25 classes.
 */
record ObjectGraph(String extension, List<Node> nodes) {
    /**
     * One generated object. {@code kind} is {@code function}, {@code procedure}, {@code aggregate},
     * {@code type} or {@code extension_sql};
     * {@code name} is what {@code requires} refers to (shared by overloads); {@code signature}
     * tells overloads apart.
     */
    record Node(String kind, String name, String signature, String origin, String position, List<String> requires) {
        /** A generated object (a function, procedure, aggregate or type), as opposed to hand-written SQL. */
        boolean isRoutine() {
            return !kind.equals("extension_sql");
        }

        /** The schema of a qualified name ({@code util.add_one}), or empty. */
        String schema() {
            int dot = name.indexOf('.');
            return isRoutine() && dot > 0 ? name.substring(0, dot) : "";
        }
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
            String requires = p.getProperty(i + ".requires", "");
            nodes.add(new Node(p.getProperty(i + ".kind"), p.getProperty(i + ".name"), p.getProperty(i + ".signature"),
                    p.getProperty(i + ".origin"), p.getProperty(i + ".position"),
                    requires.isEmpty() ? List.of() : Stream.of(requires.split(",")).map(String::strip).toList()));
        }
        return new ObjectGraph(p.getProperty("extension", ""), nodes);
    }
}
