package org.pgj.tooling.schema;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The extension's objects as a GraphViz digraph: an edge {@code A -> B} means A needs B (A is
 * created after B). Every function and procedure needs the extension's language, which needs the
 * extension; schema-qualified ones need their schema; {@code requires} and {@code @ExtensionSql(after)}
 * add the rest. Render with {@code dot -Tsvg <file> -o schema.svg}.
 */
final class DotGraph {
    private DotGraph() {
    }

    static String render(ObjectGraph graph) {
        String ext = "extension " + graph.extension();
        String language = "language pgj_" + graph.extension();
        StringBuilder dot = new StringBuilder();
        dot.append("digraph ").append(quote(graph.extension())).append(" {\n");
        dot.append("  rankdir = \"RL\";\n");
        dot.append("  node [fontname = \"Helvetica\", fontsize = 11];\n");
        dot.append("  ").append(quote(ext)).append(" [shape = house, label = ").append(quote(ext)).append("];\n");
        dot.append("  ").append(quote(language)).append(" [shape = cds];\n");
        dot.append("  ").append(quote(language)).append(" -> ").append(quote(ext)).append(";\n");
        Set<String> schemas = new LinkedHashSet<>();
        for (ObjectGraph.Node node : graph.nodes()) {
            if (!node.schema().isEmpty() && schemas.add(node.schema())) {
                String schema = "schema " + node.schema();
                dot.append("  ").append(quote(schema)).append(" [shape = folder];\n");
                dot.append("  ").append(quote(schema)).append(" -> ").append(quote(ext)).append(";\n");
            }
        }
        for (ObjectGraph.Node node : graph.nodes()) {
            String id = id(node);
            if (node.isRoutine()) {
                dot.append("  ").append(quote(id)).append(" [shape = box, label = ")
                        .append(quote(node.kind() + " " + node.signature() + "\n" + node.origin())).append("];\n");
                dot.append("  ").append(quote(id)).append(" -> ").append(quote(language)).append(";\n");
                if (!node.schema().isEmpty()) {
                    dot.append("  ").append(quote(id)).append(" -> ").append(quote("schema " + node.schema())).append(";\n");
                }
            } else {
                dot.append("  ").append(quote(id)).append(" [shape = note, label = ")
                        .append(quote("@ExtensionSql " + node.name() + "\n" + node.position())).append("];\n");
                dot.append("  ").append(quote(id)).append(" -> ").append(quote(ext)).append(";\n");
            }
            for (String required : node.requires()) {
                for (ObjectGraph.Node target : graph.nodes()) {
                    if (target.name().equals(required)) {
                        dot.append("  ").append(quote(id)).append(" -> ").append(quote(id(target)))
                                .append(" [label = \"requires\"];\n");
                    }
                }
            }
        }
        return dot.append("}\n").toString();
    }

    private static String id(ObjectGraph.Node node) {
        return (node.isRoutine() ? node.kind() + " " : "sql ") + node.signature();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
