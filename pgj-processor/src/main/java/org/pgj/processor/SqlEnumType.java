package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * The enum type of a Java enum used by a function or a record: {@code CREATE TYPE name AS ENUM
 * (...)}, one label per constant in declaration order, before the functions and composite
 * types that use it.
 */
record SqlEnumType(
        Element element,
        String name,
        List<String> labels,
        String origin,
        SourceOrder order) implements ScriptObject {

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public String describe() {
        return "enum type " + name + " of enum " + origin;
    }
}
