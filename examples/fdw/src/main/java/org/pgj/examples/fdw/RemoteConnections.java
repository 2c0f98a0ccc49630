package org.pgj.examples.fdw;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.fdw.ForeignTable;

/**
 * This backend's connections to remote databases, by URL and user: a scan takes one (so scans
 * of one query, a join of two foreign tables, each have their own) and gives it back when it read
 * to the end; a connection left mid-stream is closed.
 */
final class RemoteConnections {
    private static final Map<String, Deque<Connection>> IDLE = new HashMap<>();
    /** Each open connection's key in {@link #IDLE}. */
    private static final Map<Connection, String> KEYS = new HashMap<>();

    private RemoteConnections() {
    }

    private static String key(Map<String, String> serverOptions, Map<String, String> userOptions) {
        return serverOptions.get("url") + "\u0000" + userOptions.getOrDefault("user", "");
    }

    /** Work on a connection of the server's for the user; given back afterwards, or closed after a failure. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    static <T> T withConnection(Map<String, String> serverOptions, Map<String, String> userOptions, Work<T> work) {
        Connection c = take(serverOptions, userOptions);
        try (Statement none = c.createStatement()) {
            T result = work.on(c);
            giveBack(c, none);
            return result;
        } catch (SQLException e) {
            discard(c);
            throw error(e);
        } catch (RuntimeException e) {
            discard(c);
            throw e;
        }
    }

    static Connection take(ForeignTable table) {
        return take(table.serverOptions(), table.userOptions());
    }

    private static Connection take(Map<String, String> serverOptions, Map<String, String> userOptions) {
        String key = key(serverOptions, userOptions);
        Connection c = IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).pollFirst();
        if (c != null) {
            return c;
        }
        String url = serverOptions.get("url");
        Properties p = new Properties();
        userOptions.forEach(p::setProperty);
        try {
            for (Driver d : ServiceLoader.load(Driver.class, RemoteConnections.class.getClassLoader())) {
                if (d.acceptsURL(url)) {
                    c = d.connect(url, p);
                    c.setAutoCommit(false); // a cursor, so that rows stream fetch_size at a time
                    KEYS.put(c, key);
                    return c;
                }
            }
        } catch (SQLException e) {
            throw new PgException(SqlState.FDW_UNABLE_TO_ESTABLISH_CONNECTION, "could not connect to " + url + ": "
                    + e.getMessage(), null, "Check the server's url and the user mapping's user and password.");
        }
        throw new PgException(SqlState.FDW_UNABLE_TO_ESTABLISH_CONNECTION, "no JDBC driver of the extension accepts " + url);
    }

    static void giveBack(Connection c, Statement statement) {
        try {
            statement.close();
            c.commit();
        } catch (SQLException e) {
            discard(c);
            return;
        }
        IDLE.computeIfAbsent(KEYS.get(c), k -> new ArrayDeque<>()).addFirst(c);
    }

    static void discard(Connection c) {
        KEYS.remove(c);
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // gone either way
        }
    }

    /** A remote error as the statement's ERROR, with the remote SQLSTATE when it has one. */
    static PgException error(SQLException e) {
        String state = e.getSQLState();
        boolean valid = state != null && state.matches("[0-9A-Z]{5}");
        return new PgException(valid ? state : SqlState.FDW_ERROR, "remote: " + e.getMessage(), null, null, null, e);
    }

    /** The remote table's row count as its statistics say, a tenth per qual; 1000 when unknown. */
    static long estimateRows(ForeignTable table, int quals) {
        long rows = withConnection(table.serverOptions(), table.userOptions(), c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('"
                            + table.options().get("table").replace("'", "''") + "')")) {
                return rs.next() && rs.getLong(1) > 0 ? rs.getLong(1) : 1000L;
            }
        });
        for (int i = 0; i < quals; i++) {
            rows = Math.max(1, rows / 10);
        }
        return rows;
    }
}
