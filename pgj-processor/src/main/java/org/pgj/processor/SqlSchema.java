package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * A schema that functions or aggregates are declared in ({@code CREATE SCHEMA IF NOT EXISTS}),
 * other than the extension's own, which exists before the script runs. It is written just before
 * the first object in it, so it has no place of its own in the source.
 */
record SqlSchema(String name) implements ScriptObject {
    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public SourceOrder order() {
        return new SourceOrder("", 0);
    }

    @Override
    public String origin() {
        return "schema " + name;
    }

    @Override
    public String describe() {
        return "schema " + name;
    }

    @Override
    public Element element() {
        return null;
    }
}
