package org.pgj.tooling.schema;

/**
 * The extension's objects as a GraphViz digraph: an edge {@code A -> B} means A needs B (A is
 * created after B), labelled with why (a type it uses, a support function, a sort operator, or
 * {@code requires}/{@code @ExtensionSql(after)}); the edges are the processor's dependency graph,
 * which ordered the install script. Functions and procedures also need the extension's language,
 * which needs the extension, as schemas and hand-written SQL do. Render with
 * {@code dot -Tsvg <file> -o schema.svg}.
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
        for (ObjectGraph.Node node : graph.nodes()) {
            String id = id(node);
            dot.append("  ").append(quote(id)).append(" [shape = ").append(shape(node.kind())).append(", label = ")
                    .append(quote(label(node))).append("];\n");
            switch (node.kind()) {
                case "function", "procedure" -> edge(dot, id, language, "");
                case "schema", "extension_sql" -> edge(dot, id, ext, "");
                default -> {
                }
            }
            for (ObjectGraph.Edge e : node.edges()) {
                // A schema's folder shape says it all.
                edge(dot, id, id(graph.nodes().get(e.target())), e.reason().equals("schema") ? "" : e.reason());
            }
        }
        return dot.append("}\n").toString();
    }

    private static void edge(StringBuilder dot, String from, String to, String label) {
        dot.append("  ").append(quote(from)).append(" -> ").append(quote(to));
        if (!label.isEmpty()) {
            dot.append(" [label = ").append(quote(label)).append("]");
        }
        dot.append(";\n");
    }

    private static String id(ObjectGraph.Node node) {
        return (node.kind().equals("extension_sql") ? "sql" : node.kind()) + " " + node.signature();
    }

    private static String label(ObjectGraph.Node node) {
        return switch (node.kind()) {
            case "extension_sql" -> "@ExtensionSql " + node.name() + "\n" + node.position();
            case "schema", "cast", "operator" -> id(node);
            default -> id(node) + "\n" + node.origin();
        };
    }

    private static String shape(String kind) {
        return switch (kind) {
            case "extension_sql" -> "note";
            case "schema" -> "folder";
            case "type" -> "component";
            case "cast", "operator" -> "ellipse";
            default -> "box";
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
