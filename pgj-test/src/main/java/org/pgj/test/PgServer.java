package org.pgj.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The private PostgreSQL server the tests run against, as a test method parameter. Connections
 * go to the test database {@code pgj_test_<ext>} as the superuser {@code postgres}.
 */
public interface PgServer {
    /** {@code jdbc:postgresql://localhost:<port>/pgj_test_<ext>?user=postgres}. */
    String jdbcUrl();

    int port();

    /** The test database, {@code pgj_test_<ext>}. */
    String database();

    /** A new connection to the test database (autocommit on); the caller closes it. */
    Connection connect() throws SQLException;

    /**
     * A new connection to the test database as {@code role} (which must exist and may log in;
     * the server trusts local connections), for tests of what an ordinary user may do.
     */
    Connection connectAs(String role) throws SQLException;

    /**
     * Stops and starts the server, for settings that only apply at start (like
     * {@code shared_preload_libraries}). Every open connection breaks, including the test's own
     * {@link Connection} parameter: use {@link #connect()} afterwards. The server stays
     * restarted (with any settings made) for the rest of the run and the next ones.
     */
    void restart();

    /**
     * Sets a server setting in pgj's configuration file for the test server and reloads it;
     * returns once new sessions see the reloaded configuration. Settings that need a restart
     * apply at {@link #restart()}. The setting persists across runs until set again.
     */
    void setConfig(String name, String value);

    /** The server log file, which backends' Java output and log messages also go to. */
    Path logFile();

    /** The last {@code n} lines of {@link #logFile()}. */
    List<String> lastLogLines(int n);
}
