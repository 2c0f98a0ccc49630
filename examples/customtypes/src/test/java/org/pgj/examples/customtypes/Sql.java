package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;

/** Small JDBC helpers for the tests. */
final class Sql {
    private Sql() {
    }

    /** Every row, each as a list of its columns' values. */
    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The first column of every row. */
    static List<Object> column(Connection c, String sql) throws SQLException {
        return rows(c, sql).stream().map(r -> r.get(0)).toList();
    }

    static Object one(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = rows(c, sql);
        assertEquals(1, rows.size(), "one row expected from " + sql);
        return rows.getFirst().getFirst();
    }

    /** The statement fails with {@code sqlState}; the session still works afterwards. */
    static PSQLException fails(Connection c, String sqlState, String sql) throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> rows(c, sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertEquals(1, one(c, "select 1"), "the session works after the error");
        return e;
    }

    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static void contains(String text, String part) {
        assertTrue(text.contains(part), "'" + text + "' lacks '" + part + "'");
    }
}
