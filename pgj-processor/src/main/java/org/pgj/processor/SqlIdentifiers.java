package org.pgj.processor;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes names as SQL identifiers. A name is double-quoted only when PostgreSQL would not read
 * it back unchanged as a bare word: it is not lower-case letters, digits, {@code _} and
 * {@code $}, or it is a keyword that cannot stand as a function, argument or schema name.
 * Quoting a plain lower-case name is always harmless, so the keyword list errs on the side of
 * quoting.
 */
final class SqlIdentifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL keywords that are not "unreserved" (reserved, type/function-name and column-name ones). */
    private static final Set<String> KEYWORDS = Set.of(
            // reserved
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
            "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
            "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "session_user", "some", "symmetric", "system_user", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
            "where", "window", "with",
            // reserved, but allowed as function or type names
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
            "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
            "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose",
            // not allowed as function or type names
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec",
            "decimal", "exists", "extract", "float", "greatest", "grouping", "inout", "int",
            "integer", "interval", "json", "json_array", "json_arrayagg", "json_exists",
            "json_object", "json_objectagg", "json_query", "json_scalar", "json_serialize",
            "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
            "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values",
            "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private SqlIdentifiers() {
    }

    /** True when {@code name} can be written bare. */
    static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    static String quote(String name) {
        return isPlain(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, or just {@code name} when the schema is empty. */
    static String qualified(String schema, String name) {
        return schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
