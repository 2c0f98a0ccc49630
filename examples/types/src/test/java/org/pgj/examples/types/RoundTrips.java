package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Round trips compared by the server, and values as text. */
final class RoundTrips {
    private RoundTrips() {
    }

    static String text(Connection c, String sql, Object... args) throws SQLException {
        Object v = one(c, sql, args);
        return v == null ? null : v.toString();
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
}
