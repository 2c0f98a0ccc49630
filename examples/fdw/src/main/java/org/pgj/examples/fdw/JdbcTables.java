package org.pgj.examples.fdw;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.fdw.Column;
import org.pgj.fdw.ForeignDataWrapper;
import org.pgj.fdw.ForeignTable;
import org.pgj.fdw.OptionTarget;
import org.pgj.fdw.PgForeignDataWrapper;
import org.pgj.fdw.Qual;
import org.pgj.fdw.RowSource;
import org.pgj.fdw.Scan;
import org.pgj.fdw.ScanPlan;
import org.pgj.fdw.ScanRequest;
import org.pgj.fdw.SchemaImport;
import org.pgj.fdw.SortKey;
import org.pgj.fdw.TableWriter;

/**
 * Tables of another database through JDBC, written for PostgreSQL servers (pgjdbc is installed
 * with the extension): {@code CREATE SERVER s FOREIGN DATA WRAPPER jdbc OPTIONS (url
 * 'jdbc:postgresql://host:5432/db')}, {@code CREATE USER MAPPING ... OPTIONS (user 'u', password 'p')},
 * {@code CREATE FOREIGN TABLE t (...) SERVER s OPTIONS (table 'public.items')}. The quals,
 * order and LIMIT pgj offers all go into the remote query (shown as "Remote SQL" by
 * {@code EXPLAIN VERBOSE}); rows are fetched {@code fetch_size} at a time.
 */
@PgForeignDataWrapper(name = "jdbc")
public class JdbcTables implements ForeignDataWrapper {
    private static final Map<OptionTarget, Set<String>> OPTIONS = Map.of(
            OptionTarget.SERVER, Set.of("url", "fetch_size"),
            OptionTarget.USER_MAPPING, Set.of("user", "password"),
            OptionTarget.TABLE, Set.of("table", "key"));

    @Override
    public void validate(OptionTarget target, Map<String, String> options) {
        Set<String> allowed = OPTIONS.getOrDefault(target, Set.of());
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new PgException(SqlState.FDW_INVALID_OPTION_NAME,
                        "invalid option \"" + name + "\" for a jdbc " + target.name().toLowerCase().replace('_', ' '), null,
                        allowed.isEmpty() ? "There are no valid options in this context."
                                : "Valid options in this context are: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
        if (target == OptionTarget.SERVER) {
            String url = options.get("url");
            if (url == null || !url.startsWith("jdbc:")) {
                throw new PgException("HV002", "a jdbc server needs the option url, a JDBC URL (jdbc:postgresql://host/db)");
            }
            fetchSize(options);
        }
        if (target == OptionTarget.TABLE && !options.containsKey("table")) {
            throw new PgException("HV002", "a jdbc foreign table needs the option table, the remote table's name");
        }
    }

    static int fetchSize(Map<String, String> serverOptions) {
        String text = serverOptions.getOrDefault("fetch_size", "1000");
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "fetch_size must be a positive integer, not \"" + text + "\"");
    }

    @Override
    public ScanPlan plan(ScanRequest request) {
        ForeignTable table = request.table();
        ScanPlan plan = ScanPlan.of(request);
        request.quals().forEach(plan::push);
        if (!request.order().isEmpty()) {
            plan.pushOrder();
        }
        if (request.limit() >= 0) {
            plan.pushLimit();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Column> needed = table.neededColumns();
        sql.append(needed.isEmpty() ? "NULL" : needed.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(table.options().get("table"));
        if (!request.quals().isEmpty()) {
            sql.append(" WHERE ").append(request.quals().stream().map(JdbcTables::condition).collect(Collectors.joining(" AND ")));
        }
        if (plan.orderPushed()) {
            sql.append(" ORDER BY ").append(request.order().stream().map(JdbcTables::orderKey).collect(Collectors.joining(", ")));
        }
        if (plan.limitPushed()) {
            sql.append(" LIMIT ").append(request.limit());
        }
        long rows = RemoteConnections.estimateRows(table, request.quals().size());
        if (plan.limitPushed()) {
            rows = Math.min(rows, request.limit());
        }
        return plan.rows(rows)
                .costs(100, 100 + rows * 0.0125)
                .state(sql.toString())
                .explain("Remote SQL", sql.toString());
    }

    /**
     * One foreign table per table, view and foreign table of the remote schema, its columns with
     * their types as the remote catalog spells them ({@code format_type}), keyed by the table's
     * first primary key column when it has a one-column primary key.
     */
    @Override
    public List<String> importSchema(SchemaImport request) {
        return RemoteConnections.withConnection(request.serverOptions(), request.userOptions(), c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                s.setString(1, request.remoteSchema());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new PgException("HV00B", "schema \"" + request.remoteSchema() + "\" is not present on foreign server \""
                                + request.server() + "\"");
                    }
                }
            }
            Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
            Map<String, String> keys = new java.util.HashMap<>();
            try (java.sql.PreparedStatement s = c.prepareStatement("""
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                           (SELECT i.indkey[0] = a.attnum FROM pg_index i
                             WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnkeyatts = 1)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = ? AND c.relkind IN ('r', 'v', 'm', 'f', 'p')
                    ORDER BY c.relname, a.attnum""")) {
                s.setString(1, request.remoteSchema());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString(1), t -> new java.util.ArrayList<>())
                                .add(quote(rs.getString(2)) + " " + rs.getString(3));
                        if (rs.getBoolean(4)) {
                            keys.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return columns.entrySet().stream().map(t -> "CREATE FOREIGN TABLE " + quote(t.getKey()) + " ("
                    + String.join(", ", t.getValue()) + ") SERVER " + quote(request.server()) + " OPTIONS (table "
                    + literal(quote(request.remoteSchema()) + "." + quote(t.getKey()))
                    + (keys.containsKey(t.getKey()) ? ", key " + literal(keys.get(t.getKey())) : "") + ")").toList();
        });
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The table option {@code key}, by default {@code id}. */
    @Override
    public String rowKey(ForeignTable table) {
        return table.options().getOrDefault("key", "id");
    }

    @Override
    public TableWriter writer(ForeignTable table, String operation, boolean returning) {
        return new RemoteWriter(table, rowKey(table), returning);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String condition(Qual q) {
        if (q.isNullTest()) {
            return quote(q.column()) + " " + q.operator();
        }
        String operator = switch (q.operator()) {
            case "~~" -> "LIKE";
            case "!~~" -> "NOT LIKE";
            default -> q.operator();
        };
        return quote(q.column()) + " " + operator + " '" + q.value().replace("'", "''") + "'::" + q.valueType();
    }

    private static String orderKey(SortKey k) {
        return quote(k.column()) + (k.descending() ? " DESC" : " ASC") + (k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override
    public RowSource open(Scan scan) throws SQLException {
        ForeignTable table = scan.table();
        int values = table.neededColumns().size();
        Connection c = RemoteConnections.take(table);
        Statement statement = null;
        ResultSet rs;
        try {
            statement = c.createStatement();
            statement.setFetchSize(fetchSize(table.serverOptions()));
            rs = statement.executeQuery(scan.state().getFirst());
        } catch (SQLException e) {
            RemoteConnections.discard(c);
            throw RemoteConnections.error(e);
        }
        Statement opened = statement;
        return new RowSource() {
            boolean finished;

            @Override
            public boolean next(org.pgj.fdw.Row row) {
                try {
                    if (!rs.next()) {
                        finished = true;
                        return false;
                    }
                    for (int i = 0; i < values; i++) {
                        row.set(i, rs.getString(i + 1));
                    }
                    return true;
                } catch (SQLException e) {
                    throw RemoteConnections.error(e);
                }
            }

            @Override
            public void close() {
                // A scan stopped early (an error, a cancel, a LIMIT) leaves the connection mid-stream: it goes.
                if (finished) {
                    RemoteConnections.giveBack(c, opened);
                } else {
                    RemoteConnections.discard(c);
                }
            }
        };
    }
}
