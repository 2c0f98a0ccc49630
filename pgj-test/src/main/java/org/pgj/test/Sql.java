package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;

/** Small JDBC helpers for client-side tests. */
public final class Sql {
    private Sql() {
    }

    /** The first column of the single row {@code sql} returns; fails if it returns none. */
    public static Object one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("one row expected from " + sql);
                }
                return rs.getObject(1);
            }
        }
    }

    /** Runs statements without parameters (any kind: DDL, SET, several in one string), in order. */
    public static void exec(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Every row, each as a list of its columns' values. */
    public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
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
    public static List<Object> column(Connection c, String sql) throws SQLException {
        return rows(c, sql).stream().map(r -> r.get(0)).toList();
    }

    /** Asserts that {@code text} (an error message, say) contains {@code part}. */
    public static void contains(String text, String part) {
        assertTrue(text.contains(part), "'" + text + "' lacks '" + part + "'");
    }

    /**
     * Runs {@code sql}, which must fail with {@code sqlState}, and checks that the session
     * carries on (rolling back first when not in autocommit); returns the error.
     */
    public static PSQLException fails(Connection c, String sql, String sqlState) throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> exec(c, sql), sql);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        if (!c.getAutoCommit()) {
            c.rollback();
        }
        assertEquals(1, one(c, "select 1"), "the session carries on");
        return e;
    }

    /**
     * Runs the validator of every pgj language in the database on each of its functions, as
     * {@code CREATE FUNCTION} does while {@code check_function_bodies} is on (which
     * {@code CREATE EXTENSION} turns off), and returns the failures as {@code function: SQLSTATE
     * message}: empty when every function resolves. A language without a validator is a failure.
     * Needs autocommit: each failure ends its own transaction.
     */
    public static List<String> validationFailures(Connection c) throws SQLException {
        List<String> failures = new ArrayList<>();
        List<List<Object>> functions = rows(c, """
                SELECT p.oid::regprocedure::text, l.lanvalidator::regproc::text, l.lanname::text
                  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE l.lanname LIKE 'pgj\\_%' ORDER BY 1""");
        for (List<Object> f : functions) {
            if (f.get(1).equals("-")) {
                failures.add(f.get(0) + ": language " + f.get(2) + " has no validator");
                continue;
            }
            try {
                one(c, "SELECT " + f.get(1) + "(?::regprocedure)", f.get(0));
            } catch (PSQLException e) {
                failures.add(f.get(0) + ": " + e.getSQLState() + " " + e.getServerErrorMessage().getMessage());
            }
        }
        if (functions.isEmpty()) {
            failures.add("no function of a pgj language in the database");
        }
        return failures;
    }

    /** Runs a statement that returns no rows. */
    public static void run(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }
}
