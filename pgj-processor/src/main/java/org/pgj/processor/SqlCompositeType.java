package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * The composite type of a Java record used by a function: {@code CREATE TYPE name AS (...)},
 * one attribute per component. It comes after the types of its attributes that the script
 * creates ({@code nestedTypes}, the types of nested records, enums and base types) and before the
 * functions that use it, none of which need to name it.
 */
record SqlCompositeType(
        Element element,
        String name,
        List<Column> columns,
        List<String> nestedTypes,
        String origin,
        SourceOrder order) implements ScriptObject {

    /** An attribute: the component's name in snake_case, and its SQL type. */
    record Column(String name, String sqlType) {
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public String describe() {
        return "composite type " + name + " of record " + origin;
    }
}
