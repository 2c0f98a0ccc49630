package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where each run of a comparison's query happens: the section's long session (or a database's),
 * or a new session per run, closed after it and waited out, so one backend's exit never overlaps
 * the next run.
 */
interface Sessions {
    /** The session for one run of {@code q}. */
    Connection take(Comparison.Query q) throws SQLException;

    /** After the run of {@code q} on {@code session}. */
    void release(Comparison.Query q, Connection session) throws SQLException;

    /** {@code c}, or for a query with a database its session in {@code byDatabase}; kept open. */
    static Sessions kept(Connection c, Map<String, Connection> byDatabase) {
        return new Sessions() {
            @Override
            public Connection take(Comparison.Query q) {
                return q.database() == null ? c : byDatabase.get(q.database());
            }

            @Override
            public void release(Comparison.Query q, Connection session) {
                // kept for the next run
            }
        };
    }

    /** A new session of {@code bench} per run. */
    static Sessions fresh(BenchServer bench) {
        return new Sessions() {
            @Override
            public Connection take(Comparison.Query q) throws SQLException {
                return q.database() == null ? bench.connect() : bench.connect(q.database());
            }

            @Override
            public void release(Comparison.Query q, Connection session) throws SQLException {
                long pid = BenchRun.pid(session);
                session.close();
                BenchRun.awaitExit(pid);
            }
        };
    }
}
