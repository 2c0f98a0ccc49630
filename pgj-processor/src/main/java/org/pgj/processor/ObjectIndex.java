package org.pgj.processor;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code META-INF/pgj/objects.properties}: the generated objects in install order with the names
 * each must come after. It is the model tooling reads back (with {@link #read}) to show the
 * extension's objects and their dependencies without parsing SQL.
 *
 * <pre>
 * extension=demo
 * count=2
 * 0.kind=extension_sql
 * 0.name=seed
 * 0.signature=seed
 * 0.origin=extension_sql: seed
 * 0.position=FIRST
 * 0.requires=
 * 1.kind=function
 * 1.name=util.add_one
 * 1.signature=util.add_one(integer)
 * 1.origin=org.example.Demo.addOne(int)
 * 1.position=ORDERED
 * 1.requires=seed
 * </pre>
 */
public final class ObjectIndex {
    public static final String PATH = "META-INF/pgj/objects.properties";

    /**
     * One object. {@code kind} is {@code function}, {@code procedure}, {@code aggregate}, {@code type} or {@code extension_sql}; {@code name} is what
     * {@code requires} refers to (shared by overloads); {@code signature} tells overloads apart.
     */
    public record Entry(String kind, String name, String signature, String origin, String position,
                        List<String> requires) {
    }

    private ObjectIndex() {
    }

    static Entry entry(ScriptObject object) {
        return switch (object) {
            case SqlFunction fn -> new Entry(fn.kind(), fn.name(), fn.signature(), fn.origin(),
                    fn.position().name(), fn.needs());
            case SqlAggregate aggregate -> new Entry("aggregate", aggregate.name(), aggregate.signature(),
                    aggregate.origin(), aggregate.position().name(), aggregate.dependencies());
            case SqlCompositeType _, SqlEnumType _, SqlBaseType _ -> new Entry("type", object.name(), object.name(), object.origin(),
                    object.position().name(), object.dependencies());
            case SqlBlock block -> new Entry("extension_sql", block.name(), block.name(), block.origin(),
                    block.position().name(), block.after());
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
            String requires = p.getProperty(i + ".requires", "");
            entries.add(new Entry(
                    p.getProperty(i + ".kind"),
                    p.getProperty(i + ".name"),
                    p.getProperty(i + ".signature"),
                    p.getProperty(i + ".origin"),
                    p.getProperty(i + ".position"),
                    requires.isEmpty() ? List.of() : Stream.of(requires.split(",")).toList()));
        }
        return entries;
    }
}
