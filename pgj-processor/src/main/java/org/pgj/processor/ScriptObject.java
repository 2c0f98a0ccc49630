package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import org.pgj.functions.ExtensionSql.Position;

/**
 * An entry of the install script: a node of the {@link DependencyGraph}, which orders it after
 * what it uses and what it names.
 */
sealed interface ScriptObject permits SqlFunction, SqlAggregate, SqlBlock, SqlCompositeType, SqlEnumType, SqlBaseType,
        SqlSchema, SqlOperatorClass {
    /** The name {@code requires} and {@code after} use: {@code add_one}, {@code util.add_one}, or a block's name. */
    String name();

    /** Names this object must come after because its declaration says so ({@code requires}, {@code after}). */
    List<String> requires();

    /** FIRST and LAST for those {@code @ExtensionSql} blocks; ORDERED for everything else. */
    default Position position() {
        return Position.ORDERED;
    }

    SourceOrder order();

    /** Text of the comment line above the object in the script. */
    String origin();

    /** Short description for messages. */
    String describe();

    /** The declaration that diagnostics point at. */
    Element element();
}
