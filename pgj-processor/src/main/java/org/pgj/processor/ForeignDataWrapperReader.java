package org.pgj.processor;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pgj.fdw.PgForeignDataWrapper;
import org.pgj.functions.ExtensionSql.Position;
import org.pgj.internal.settings.SnakeCase;

/**
 * A {@code @PgForeignDataWrapper} class becomes its handler and validator (LANGUAGE C functions
 * of pgj.so, which find the class by the wrapper's name in extension.properties) and
 * {@code CREATE FOREIGN DATA WRAPPER}, as one block of the install script.
 */
final class ForeignDataWrapperReader {
    /** extension.properties: {@code fdw.<name>=<binary class name>}. */
    static final String PROPERTY_PREFIX = "fdw.";

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    ForeignDataWrapperReader(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    record Wrapper(String name, String className, SqlBlock block) {
    }

    Optional<Wrapper> read(Element e) {
        if (!InstantiableClasses.implementing(e, "org.pgj.fdw.ForeignDataWrapper", elements, types)) {
            reporter.error(e, "@PgForeignDataWrapper belongs on a public, non-abstract class with a public constructor"
                    + " without parameters that implements org.pgj.fdw.ForeignDataWrapper");
            return Optional.empty();
        }
        TypeElement type = (TypeElement) e;
        String declared = type.getAnnotation(PgForeignDataWrapper.class).name();
        String name = declared.isEmpty() ? SnakeCase.of(type.getSimpleName().toString()) : declared;
        if (!name.matches("[a-z][a-z0-9_]*")) {
            reporter.error(e, "@PgForeignDataWrapper name '" + name + "' must be lower case letters, digits and '_',"
                    + " starting with a letter");
            return Optional.empty();
        }
        String className = elements.getBinaryName(type).toString();
        String sql = String.join("\n",
                "CREATE FUNCTION " + name + "_handler() RETURNS fdw_handler",
                "  AS 'MODULE_PATHNAME', 'pgj_fdw_handler' LANGUAGE C STRICT;",
                "CREATE FUNCTION " + name + "_validator(text[], oid) RETURNS void",
                "  AS 'MODULE_PATHNAME', 'pgj_fdw_validator' LANGUAGE C STRICT;",
                "CREATE FOREIGN DATA WRAPPER " + name + " HANDLER " + name + "_handler VALIDATOR " + name + "_validator;");
        SqlBlock block = new SqlBlock(e, "foreign_data_wrapper_" + name, sql, Position.ORDERED, List.of(),
                new SourceOrder(className, -1));
        return Optional.of(new Wrapper(name, className, block));
    }
}
