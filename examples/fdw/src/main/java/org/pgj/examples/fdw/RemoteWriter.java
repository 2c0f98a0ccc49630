package org.pgj.examples.fdw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pgj.fdw.Column;
import org.pgj.fdw.ForeignTable;
import org.pgj.fdw.TableWriter;

/**
 * The JDBC wrapper's writes: each row one remote INSERT, UPDATE or DELETE (with RETURNING when
 * the local statement returns rows), in a remote transaction committed when the statement ends and
 * rolled back when it fails. Not two-phase: a local transaction rolled back after the statement
 * leaves the remote rows written.
 */
final class RemoteWriter implements TableWriter {
    private final ForeignTable table;
    private final String key;
    private final boolean returning;
    private final Connection c;
    private boolean failed;

    RemoteWriter(ForeignTable table, String key, boolean returning) {
        this.table = table;
        this.key = key;
        this.returning = returning;
        this.c = RemoteConnections.take(table);
    }

    private String typeOf(String column) {
        return table.columns().stream().filter(col -> col.name().equals(column)).map(Column::type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + column));
    }

    private String returningClause() {
        return returning ? " RETURNING " + table.columns().stream().map(col -> JdbcTables.quote(col.name()))
                .collect(Collectors.joining(", ")) : "";
    }

    @Override
    public Map<String, Object> insert(Map<String, String> values) throws SQLException {
        List<String> names = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table.options().get("table") + " ("
                + names.stream().map(JdbcTables::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + names.stream().map(n -> "?::" + typeOf(n)).collect(Collectors.joining(", ")) + ")" + returningClause();
        List<String> args = names.stream().map(values::get).collect(Collectors.toCollection(ArrayList::new));
        return run(sql, args);
    }

    @Override
    public Map<String, Object> update(String keyValue, Map<String, String> values) throws SQLException {
        List<String> names = new ArrayList<>(values.keySet());
        String sql = "UPDATE " + table.options().get("table") + " SET "
                + names.stream().map(n -> JdbcTables.quote(n) + " = ?::" + typeOf(n)).collect(Collectors.joining(", "))
                + " WHERE " + JdbcTables.quote(key) + " = ?::" + typeOf(key) + returningClause();
        List<String> args = names.stream().map(values::get).collect(Collectors.toCollection(ArrayList::new));
        args.add(keyValue);
        return run(sql, args);
    }

    @Override
    public Map<String, Object> delete(String keyValue) throws SQLException {
        String sql = "DELETE FROM " + table.options().get("table") + " WHERE " + JdbcTables.quote(key) + " = ?::"
                + typeOf(key) + returningClause();
        return run(sql, List.of(keyValue));
    }

    /** The row the statement returned, an empty map for a row written without RETURNING, or null. */
    private Map<String, Object> run(String sql, List<String> args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setString(i + 1, args.get(i));
            }
            if (!returning) {
                return s.executeUpdate() > 0 ? Map.of() : null;
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    row.put(table.columns().get(i).name(), rs.getString(i + 1));
                }
                return row;
            }
        } catch (SQLException e) {
            failed = true;
            throw RemoteConnections.error(e);
        }
    }

    /** The local statement failed or was cancelled: the connection goes, and its transaction with it. */
    @Override
    public void abort() {
        RemoteConnections.discard(c);
    }

    /** Commits the remote transaction (rolls it back after a failure) and gives the connection back. */
    @Override
    public void close() throws SQLException {
        if (failed) {
            RemoteConnections.discard(c);
            return;
        }
        try (PreparedStatement none = c.prepareStatement("SELECT 1")) {
            RemoteConnections.giveBack(c, none);
        }
    }
}
