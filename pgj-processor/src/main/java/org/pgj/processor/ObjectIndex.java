package org.pgj.processor;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code META-INF/pgj/objects.properties}: the generated objects in install order, each with the
 * objects it comes after (the {@link DependencyGraph}'s edges, by index, with their reason) and
 * the names its declaration requires. It is the model tooling reads back (with {@link #read}) to
 * draw the extension's objects and their dependencies ({@code pgj schema --dot}) without parsing
 * SQL. A function's cast and operator are entries of their own, right after it.
 *
 * <pre>
 * extension=demo
 * count=3
 * 0.kind=extension_sql
 * 0.name=seed
 * 0.signature=seed
 * 0.origin=extension_sql: seed
 * 0.position=FIRST
 * 0.requires=
 * 0.edges=
 * 1.kind=schema
 * 1.name=util
 * 1.signature=util
 * 1.origin=schema util
 * 1.position=ORDERED
 * 1.requires=
 * 1.edges=
 * 2.kind=function
 * 2.name=util.add_one
 * 2.signature=util.add_one(integer)
 * 2.origin=org.example.Demo.addOne(int)
 * 2.position=ORDERED
 * 2.requires=seed
 * 2.edges=1 schema,0 requires
 * </pre>
 */
public final class ObjectIndex {
    public static final String PATH = "META-INF/pgj/objects.properties";

    /**
     * One object. {@code kind} is {@code function}, {@code procedure}, {@code aggregate}, {@code type},
     * {@code schema}, {@code cast}, {@code operator} or {@code extension_sql}; {@code name} is what
     * {@code requires} refers to (shared by overloads); {@code signature} tells overloads apart.
     */
    public record Entry(String kind, String name, String signature, String origin, String position,
                        List<String> requires, List<Edge> edges) {
    }

    /** The entry comes after entry {@code target} (an index) because of {@code reason} (see {@link DependencyGraph.Reason}). */
    public record Edge(int target, String reason) {
        @Override
        public String toString() {
            return target + " " + reason;
        }
    }

    private ObjectIndex() {
    }

    /** The entries of {@code ordered} (in install order), with their edges in {@code graph}. */
    static List<Entry> entries(List<ScriptObject> ordered, DependencyGraph graph) {
        Map<ScriptObject, Integer> index = new IdentityHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (ScriptObject object : ordered) {
            List<Edge> edges = graph.edgesFrom(object).stream()
                    .map(e -> new Edge(index.get(e.to()), e.reason().label)).toList();
            index.put(object, entries.size());
            entries.add(entry(object, edges));
            if (object instanceof SqlFunction fn) {
                int function = index.get(fn);
                fn.cast().ifPresent(c -> entries.add(new Entry("cast", c.name(), c.name(), fn.origin(),
                        fn.position().name(), List.of(), List.of(new Edge(function, DependencyGraph.Reason.FUNCTION.label)))));
                fn.operator().ifPresent(o -> entries.add(new Entry("operator", o.symbol(), o.signature(), fn.origin(),
                        fn.position().name(), List.of(), List.of(new Edge(function, DependencyGraph.Reason.FUNCTION.label)))));
            }
        }
        return entries;
    }

    private static Entry entry(ScriptObject object, List<Edge> edges) {
        String position = object.position().name();
        return switch (object) {
            case SqlFunction fn -> new Entry(fn.kind(), fn.name(), fn.signature(), fn.origin(), position, fn.requires(), edges);
            case SqlAggregate a -> new Entry("aggregate", a.name(), a.signature(), a.origin(), position, a.requires(), edges);
            case SqlCompositeType _, SqlEnumType _, SqlBaseType _ -> new Entry("type", object.name(), object.name(),
                    object.origin(), position, List.of(), edges);
            case SqlSchema schema -> new Entry("schema", schema.name(), schema.name(), schema.origin(), position, List.of(),
                    edges);
            case SqlOperatorClass c -> new Entry("operator class", c.name(), c.signature(), c.origin(), position, List.of(),
                    edges);
            case SqlBlock block -> new Entry("extension_sql", block.name(), block.name(), block.origin(), position,
                    block.after(), edges);
        };
    }

    static String write(String extension, List<Entry> entries) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("extension", extension);
        properties.put("count", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            properties.put(i + ".kind", e.kind());
            properties.put(i + ".name", e.name());
            properties.put(i + ".signature", e.signature());
            properties.put(i + ".origin", e.origin());
            properties.put(i + ".position", e.position());
            properties.put(i + ".requires", String.join(",", e.requires()));
            properties.put(i + ".edges", String.join(",", e.edges().stream().map(Edge::toString).toList()));
        }
        return PropertiesText.format("pgj objects of extension " + extension + ", in install order", properties);
    }

    /** The entries of an {@code objects.properties}, in install order. */
    public static List<Entry> read(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        int count = Integer.parseInt(p.getProperty("count", "0"));
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(
                    p.getProperty(i + ".kind"),
                    p.getProperty(i + ".name"),
                    p.getProperty(i + ".signature"),
                    p.getProperty(i + ".origin"),
                    p.getProperty(i + ".position"),
                    list(p.getProperty(i + ".requires", "")),
                    list(p.getProperty(i + ".edges", "")).stream()
                            .map(edge -> new Edge(Integer.parseInt(edge.substring(0, edge.indexOf(' '))),
                                    edge.substring(edge.indexOf(' ') + 1)))
                            .toList()));
        }
        return entries;
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Stream.of(text.split(",")).toList();
    }
}
