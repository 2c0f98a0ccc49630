package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import org.pgj.functions.ExtensionSql.Position;

/**
 * The enum type of a Java enum used by a function or a record: {@code CREATE TYPE name AS ENUM
 * (...)}, one label per constant in declaration order. Like composite types it goes first, and
 * before the composite types whose records have a component of it.
 */
record SqlEnumType(
        Element element,
        String name,
        List<String> labels,
        String origin,
        SourceOrder order) implements ScriptObject {

    @Override
    public List<String> dependencies() {
        return List.of();
    }

    @Override
    public Position position() {
        return Position.FIRST;
    }

    @Override
    public String describe() {
        return "enum type " + name + " of enum " + origin;
    }
}
