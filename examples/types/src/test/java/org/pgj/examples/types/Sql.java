package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;

/** JDBC helpers: single values, round trips compared by the server, expected errors. */
final class Sql {
    private Sql() {
    }

    static Object one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "one row expected from " + sql);
                return rs.getObject(1);
            }
        }
    }

    static String text(Connection c, String sql, Object... args) throws SQLException {
        Object v = one(c, sql, args);
        return v == null ? null : v.toString();
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Each literal, as {@code type}, goes through the echo function {@code fn} (SQL → Java → SQL);
     * the server's own text output of the result must equal that of the value, and the server's
     * own equality (where {@code equality} names an operator) must hold. NULL comes back NULL.
     */
    static void roundTrips(Connection c, String fn, String type, String equality, String... literals) throws SQLException {
        for (String literal : literals) {
            String value = "(" + literal + ")::" + type;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + fn + "(" + value + ")::text, " + value + "::text"
                         + (equality == null ? ", true" : ", " + fn + "(" + value + ") " + equality + " " + value))) {
                assertTrue(rs.next());
                assertEquals(rs.getString(2), rs.getString(1), "round trip of " + value);
                assertTrue(rs.getBoolean(3), "the server finds " + fn + "(" + value + ") " + equality + " the value");
            }
        }
        assertNull(one(c, "SELECT " + fn + "(NULL::" + type + ")"), fn + "(NULL)");
    }

    /** Runs sql, expects SQLSTATE, and checks that the session carries on. */
    static PSQLException fails(Connection c, String sql, String sqlState) throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> exec(c, sql), sql);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        if (!c.getAutoCommit()) {
            c.rollback();
        }
        assertEquals(1, one(c, "select 1"), "the session carries on");
        return e;
    }
}
