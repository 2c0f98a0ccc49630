package org.pgj.examples.safety;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.pgj.test.PgServer;
import org.pgj.test.RunningStatement;
import org.pgj.test.Sql;

/**
 * A session of an ordinary user running a statement, and a superuser's session watching it, to
 * stop it once it runs Java (see RunningJava). The bounds are wide: the machine is shared.
 */
final class Victim implements AutoCloseable {
    /** An ordinary user: what pgj keeps must not depend on being superuser. */
    static final String ROLE = "pgj_safety_user";
    static final Duration WIDE = Duration.ofSeconds(60);

    final Connection session;
    final Connection observer;
    private RunningStatement running;

    private Victim(Connection session, Connection observer) {
        this.session = session;
        this.observer = observer;
    }

    static Victim of(PgServer server) throws SQLException {
        return new Victim(ordinaryUser(server), server.connect());
    }

    /**
     * A connection as the ordinary user {@link #ROLE}, created if need be, with a Java heap of 1 GB
     * (a superuser's setting for the role: sorting 50M ints needs more than the default).
     */
    static Connection ordinaryUser(PgServer server) throws SQLException {
        try (Connection admin = server.connect()) {
            Sql.run(admin, "do $$ begin create role " + ROLE + " login; exception when duplicate_object then null; end $$");
            Sql.run(admin, "alter role " + ROLE + " set pgj.heap_max = '1GB'");
        }
        return server.connectAs(ROLE);
    }

    /** Starts {@code sql} and returns once the statement runs Java. */
    Victim runs(String sql) throws SQLException {
        running = RunningStatement.start(session, observer, sql).awaitApplicationName(RunningJava.APPLICATION_NAME, WIDE);
        return this;
    }

    /** {@code cancel} or {@code terminate}; the milliseconds until the statement ended. */
    long stopWith(String how) throws SQLException {
        return running.stop(how.equals("cancel") ? RunningStatement.Stop.CANCEL : RunningStatement.Stop.TERMINATE, WIDE);
    }

    /** What the statement ended with (null if it succeeded). */
    SQLException outcome() {
        return running.outcome(WIDE);
    }

    void awaitExit() {
        running.awaitBackendExit(WIDE);
    }

    @Override
    public void close() throws SQLException {
        try {
            session.close();
        } finally {
            observer.close();
        }
    }
}
