package org.pgj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import org.pgj.indexes.IndexMethod;

/**
 * One {@code @PgOperatorClass}: {@code CREATE OPERATOR CLASS}, after its support functions (the
 * {@code @GinSupport} or {@code @GistSupport} methods' functions, which the script creates, and SQL functions it names)
 * and the operators it lists, which the script may create too.
 *
 * @param operators strategy number → operator, as {@code OPERATOR n} writes it
 * @param functions support function number → function with its argument types
 * @param supportFunctions the names of the script's functions among {@code functions}
 */
record SqlOperatorClass(
        Element element,
        String sqlName,
        IndexMethod method,
        String type,
        String storage,
        boolean isDefault,
        Map<Integer, String> operators,
        Map<Integer, String> functions,
        List<String> supportFunctions,
        String origin,
        SourceOrder order) implements ScriptObject {

    @Override
    public String name() {
        return sqlName;
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public String describe() {
        return "@PgOperatorClass " + origin;
    }

    /** How {@code DROP OPERATOR CLASS} names it. */
    String signature() {
        return sqlName + " USING " + method.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The operator symbol of an {@code OPERATOR} item, without its argument types or {@code FOR ORDER BY}. */
    static String symbol(String operator) {
        int order = operator.indexOf(" FOR ORDER BY ");
        String item = order < 0 ? operator : operator.substring(0, order);
        int open = item.indexOf('(');
        return (open < 0 ? item : item.substring(0, open)).strip();
    }

    String render() {
        List<String> items = new ArrayList<>();
        operators.forEach((n, op) -> items.add("OPERATOR " + n + " " + op));
        functions.forEach((n, fn) -> items.add("FUNCTION " + n + " " + fn));
        if (!storage.isEmpty()) {
            items.add("STORAGE " + storage);
        }
        return "CREATE OPERATOR CLASS " + SqlIdentifiers.quote(sqlName) + (isDefault ? " DEFAULT" : "") + " FOR TYPE "
                + type + " USING " + method.name().toLowerCase(java.util.Locale.ROOT) + " AS\n    "
                + String.join(",\n    ", items) + ";";
    }
}
