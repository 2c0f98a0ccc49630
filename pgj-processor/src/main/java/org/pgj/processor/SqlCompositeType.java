package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import org.pgj.functions.ExtensionSql.Position;

/**
 * The composite type of a Java record used by a function: {@code CREATE TYPE name AS (...)},
 * one attribute per component. Types go first, so that every function finds them without
 * naming them (a type is often named like the functions that make it, and overloads share a
 * name), and each comes after the composite types of its nested records.
 */
record SqlCompositeType(
        Element element,
        String name,
        List<Column> columns,
        List<String> dependencies,
        String origin,
        SourceOrder order) implements ScriptObject {

    /** An attribute: the component's name in snake_case, and its SQL type. */
    record Column(String name, String sqlType) {
    }

    @Override
    public Position position() {
        return Position.FIRST;
    }

    @Override
    public String describe() {
        return "composite type " + name + " of record " + origin;
    }
}
