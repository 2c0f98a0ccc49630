package org.pgj.processor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pgj.functions.Security;

/**
 * Writes {@code <ext>--<version>.sql}: the psql guard, the extension's own language (always
 * first, it is infrastructure every function needs) with its call handler and validator, then
 * the objects in the order given ({@link DependencyOrder}).
 */
final class InstallScript {
    private InstallScript() {
    }

    static String render(ExtensionInfo ext, List<ScriptObject> ordered) {
        StringBuilder sql = new StringBuilder();
        sql.append("\\echo Use \"CREATE EXTENSION ").append(ext.name()).append("\" to load this file. \\quit\n\n");
        sql.append("-- language of the pgj extension ").append(ext.name()).append('\n');
        sql.append("CREATE FUNCTION ").append(ext.language()).append("_call_handler() RETURNS language_handler\n");
        sql.append("  AS 'MODULE_PATHNAME', 'pgj_call_handler' LANGUAGE C;\n");
        sql.append("CREATE FUNCTION ").append(ext.language()).append("_validator(oid) RETURNS void\n");
        sql.append("  AS 'MODULE_PATHNAME', 'pgj_validator' LANGUAGE C STRICT;\n");
        sql.append("CREATE LANGUAGE ").append(ext.language())
                .append(" HANDLER ").append(ext.language()).append("_call_handler")
                .append(" VALIDATOR ").append(ext.language()).append("_validator;\n");

        for (ScriptObject object : ordered) {
            sql.append('\n');
            switch (object) {
                case SqlSchema schema -> sql.append("CREATE SCHEMA IF NOT EXISTS ").append(SqlIdentifiers.quote(schema.name()))
                        .append(";\n");
                case SqlFunction fn -> {
                    sql.append("-- ").append(fn.origin()).append('\n');
                    sql.append(createFunction(ext, fn)).append('\n');
                    String function = SqlIdentifiers.qualified(fn.schema(), fn.sqlName());
                    fn.cast().ifPresent(c -> sql.append(c.render(function)).append('\n'));
                    fn.operator().ifPresent(o -> sql.append(o.render(fn.schema(), function)).append('\n'));
                }
                case SqlAggregate aggregate -> {
                    sql.append("-- ").append(aggregate.origin()).append('\n');
                    sql.append(aggregate.render()).append('\n');
                }
                case SqlCompositeType type -> {
                    sql.append("-- ").append(type.origin()).append('\n');
                    sql.append("CREATE TYPE ").append(SqlIdentifiers.quote(type.name())).append(" AS ")
                            .append(type.columns().stream()
                                    .map(c -> SqlIdentifiers.quote(c.name()) + " " + c.sqlType())
                                    .collect(Collectors.joining(", ", "(", ")")))
                            .append(";\n");
                }
                case SqlEnumType type -> {
                    sql.append("-- ").append(type.origin()).append('\n');
                    sql.append("CREATE TYPE ").append(SqlIdentifiers.quote(type.name())).append(" AS ENUM ")
                            .append(type.labels().stream().map(SqlIdentifiers::literal).collect(Collectors.joining(", ", "(", ")")))
                            .append(";\n");
                }
                case SqlBaseType type -> {
                    sql.append("-- ").append(type.origin()).append('\n');
                    sql.append("CREATE TYPE ").append(SqlIdentifiers.quote(type.name())).append(";\n");
                    type.ioFunctions().forEach(fn -> sql.append(createFunction(ext, fn, SqlBaseType.nativeSymbol(fn)))
                            .append('\n'));
                    sql.append(type.definition()).append('\n');
                    for (SqlFunction fn : type.operatorFunctions()) {
                        sql.append(createFunction(ext, fn)).append('\n');
                        fn.operator().ifPresent(o -> sql.append(o.render("", SqlIdentifiers.quote(fn.sqlName()))).append('\n'));
                    }
                    type.operatorClasses().forEach(c -> sql.append(c).append('\n'));
                    type.coercibleCasts().forEach(c -> sql.append(c.renderWithoutFunction()).append('\n'));
                }
                case SqlOperatorClass operatorClass -> {
                    sql.append("-- ").append(operatorClass.origin()).append('\n');
                    sql.append(operatorClass.render()).append('\n');
                }
                case SqlBlock block -> {
                    sql.append("-- ").append(block.origin()).append('\n');
                    sql.append(block.sql().strip()).append('\n');
                }
            }
        }
        return sql.toString();
    }

    static String createFunction(ExtensionInfo ext, SqlFunction fn) {
        return createFunction(ext, fn, null);
    }

    /**
     * {@code CREATE FUNCTION} in the extension's language, or, given a symbol of pgj.so, as a
     * {@code LANGUAGE C} function of that symbol (which finds its Java side itself), or as the
     * server's {@code internal} function a {@code @BuiltinFunction} names.
     */
    static String createFunction(ExtensionInfo ext, SqlFunction fn, String nativeSymbol) {
        StringBuilder sql = new StringBuilder(fn.procedure() ? "CREATE PROCEDURE " : "CREATE FUNCTION ");
        sql.append(SqlIdentifiers.qualified(fn.schema(), fn.sqlName()));
        sql.append(fn.arguments().stream()
                .map(a -> a.mode().prefix + (a.name().isEmpty() ? "" : SqlIdentifiers.quote(a.name()) + " ") + a.sqlType()
                        + (a.defaultValue() == null ? "" : " DEFAULT " + a.defaultValue()))
                .collect(Collectors.joining(", ", "(", ")")));
        if (!fn.procedure()) {
            sql.append(" RETURNS ").append(fn.returnType());
        }
        Optional<String> builtin = fn.builtin();
        sql.append(" LANGUAGE ").append(builtin.isPresent() ? "internal" : nativeSymbol == null ? ext.language() : "C");
        // A trigger function takes no arguments and runs once per firing: those clauses say nothing.
        if (fn.window()) {
            sql.append(" WINDOW");
        }
        if (!fn.procedure() && !fn.trigger() && !fn.eventTrigger()) {
            sql.append(' ').append(fn.volatility());
            sql.append(fn.strict() ? " STRICT" : " CALLED ON NULL INPUT");
            sql.append(" PARALLEL ").append(fn.parallel());
        }
        fn.cost().ifPresent(c -> sql.append(" COST ").append(BigDecimal.valueOf(c).stripTrailingZeros().toPlainString()));
        if (fn.security() == Security.DEFINER) {
            sql.append(" SECURITY DEFINER");
        }
        if (!fn.searchPath().isEmpty()) {
            sql.append(" SET search_path = ").append(fn.searchPath().stream()
                    .map(InstallScript::searchPathItem)
                    .collect(Collectors.joining(", ")));
        }
        sql.append(" AS ").append(builtin.isPresent() ? SqlIdentifiers.literal(builtin.get())
                : nativeSymbol == null ? SqlIdentifiers.literal(fn.target())
                : "'MODULE_PATHNAME', " + SqlIdentifiers.literal(nativeSymbol)).append(';');
        return sql.toString();
    }

    /** A schema name, double-quoted when needed ({@code "$user"}); items the user already quoted stay as written. */
    private static String searchPathItem(String item) {
        boolean quoted = item.length() >= 2
                && (item.startsWith("\"") && item.endsWith("\"") || item.startsWith("'") && item.endsWith("'"));
        return quoted ? item : SqlIdentifiers.quote(item);
    }
}
