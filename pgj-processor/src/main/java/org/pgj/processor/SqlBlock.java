package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import org.pgj.functions.ExtensionSql.Position;

/** One {@code @ExtensionSql} block with its SQL text already loaded. */
record SqlBlock(
        Element element,
        String name,
        String sql,
        Position position,
        List<String> after,
        SourceOrder order) implements ScriptObject {

    @Override
    public List<String> requires() {
        return after;
    }

    @Override
    public String origin() {
        return "extension_sql: " + name;
    }

    @Override
    public String describe() {
        return "@ExtensionSql '" + name + "'";
    }
}
