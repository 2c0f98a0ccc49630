package org.pgj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import org.pgj.functions.ExtensionSql.Position;

/** An entry of the install script that others can be ordered against by name. */
sealed interface ScriptObject permits SqlFunction, SqlAggregate, SqlBlock, SqlCompositeType, SqlEnumType, SqlBaseType {
    /** The name {@code requires} and {@code after} use: {@code add_one}, {@code util.add_one}, or a block's name. */
    String name();

    /** Names this object must come after. */
    List<String> dependencies();

    Position position();

    SourceOrder order();

    /** Text of the comment line above the object in the script. */
    String origin();

    /** Short description for messages. */
    String describe();

    /** The declaration that diagnostics point at. */
    Element element();
}
