package org.pgj.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The two ways a call reaches Java: through JNI, as every call does until the FFM linker is
 * ready, and through the function's FFM upcall stub afterwards. A session can be held on one
 * path for its whole life ({@code -Dpgj.callPath}), so that a test sees both give the same
 * values, NULLs and errors ({@link EachCallPath}).
 */
public enum CallPath {
    JNI,
    FFM;

    /** A new session to the test database whose JVM makes every call through this path; the caller closes it. */
    public Connection connect(PgServer server) throws SQLException {
        Connection c = server.connect();
        try (Statement s = c.createStatement()) {
            // Before the session's first Java call: the path is chosen when its JVM starts.
            s.execute("LOAD 'pgj'");
            s.execute("SET pgj.jvm_options = '-Dpgj.callPath=" + name().toLowerCase(Locale.ROOT) + "'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
