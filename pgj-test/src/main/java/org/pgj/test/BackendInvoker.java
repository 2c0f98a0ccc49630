package org.pgj.test;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.pgj.test.backend.FailureText;

/**
 * Runs {@link InBackend} test methods of one test class through {@code pgj_test.run}, on a
 * connection of its own. One backend per class: its JVM starts once for the class, and the
 * class's in-backend tests see each other's static state, as local tests would.
 */
final class BackendInvoker implements AutoCloseable {
    static final String RUN_SQL = "SELECT " + TestEnvironment.RUNNER_SCHEMA + ".run(?, ?)";
    private static final int LOG_LINES = 30;
    private static final int VALID_TIMEOUT_SECONDS = 10;

    private final TestServer server;
    private final String applicationName;
    private Connection connection;
    private int generation;

    BackendInvoker(TestServer server, Class<?> testClass) {
        this.server = server;
        this.applicationName = applicationName(testClass);
    }

    /**
     * {@code pgj-test backend: <class>}: names the session in pg_stat_activity, so a test can
     * find (or a person can watch) the backend its class's in-backend tests run in.
     */
    static String applicationName(Class<?> testClass) {
        String prefix = "pgj-test backend: ";
        String name = testClass.getName();
        // The server keeps 63 bytes of it; keep the end of a long name, which says the most.
        int room = 63 - prefix.length();
        return prefix + (name.length() <= room ? name : "..." + name.substring(name.length() - room + 3));
    }

    /**
     * Runs {@code testClass.method()} in the backend, in a transaction that is committed if
     * {@code commit} and the method completed normally, else rolled back.
     *
     * @return null if the method completed normally, else what it threw: its failure decoded,
     *         or the {@link SQLException} of the SQL error it raised
     * @throws SQLException if no connection to the test database can be made
     */
    synchronized Throwable run(Class<?> testClass, Method method, boolean commit) throws SQLException {
        Connection c = connection();
        String result;
        try {
            try (PreparedStatement ps = c.prepareStatement(RUN_SQL)) {
                ps.setString(1, testClass.getName());
                ps.setString(2, method.getName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    result = rs.getString(1);
                }
            }
            if (commit && FailureText.OK.equals(result)) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            rollbackAfter(c);
            return isConnectionLost(e) ? withServerLog(e, testClass, method) : e;
        }
        if (FailureText.OK.equals(result)) {
            return null;
        }
        if (FailureText.isFailure(result)) {
            return RemoteFailures.toThrowable(FailureText.decode(result), testClass.getClassLoader());
        }
        return new IllegalStateException(RUN_SQL + " returned '" + result + "', which is neither "
                + FailureText.OK + " nor a failure: are pgj-test in the test JVM and in the stage the same version?");
    }

    /**
     * The class's connection; a new one after a server restart or a lost connection. Checked
     * with a round trip first, so that a session ended between tests (a crash restart, an
     * earlier test's pg_terminate_backend) does not fail the next, innocent test.
     */
    private Connection connection() throws SQLException {
        if (connection != null && (generation != server.generation() || !connection.isValid(VALID_TIMEOUT_SECONDS))) {
            closeQuietly();
        }
        if (connection == null) {
            generation = server.generation();
            Connection c = server.connect(applicationName);
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** After an error the transaction is aborted; roll it back so the next test starts clean. */
    private void rollbackAfter(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            closeQuietly(); // unusable: the next test connects anew
        }
    }

    /** Class 08 (connection exception) and 57P (operator intervention, e.g. a crash restart). */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** A backend that died takes its reason to the server log only; bring that along. */
    private SQLException withServerLog(SQLException e, Class<?> testClass, Method method) {
        closeQuietly();
        return new SQLException("the backend running " + testClass.getName() + "." + method.getName()
                + "() ended the connection (" + e.getMessage() + "); last " + LOG_LINES + " lines of " + server.logFile()
                + ":\n" + String.join("\n", server.lastLogLines(LOG_LINES)), e.getSQLState(), e);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being discarded
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
