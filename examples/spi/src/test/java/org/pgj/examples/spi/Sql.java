package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;

/** JDBC helpers for the tests that call the example's functions from SQL. */
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

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
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
