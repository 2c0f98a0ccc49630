package org.pgj.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.core.QueryExecutor;
import org.postgresql.jdbc.PgStatement;

/**
 * A statement running in one session on a thread of its own, watched and stopped from another
 * session, as a DBA would: for tests (and benchmarks) of cancel, termination and timeouts.
 *
 * <pre>{@code
 * try (RunningStatement running = RunningStatement.start(session, observer, "select spin()")) {
 *     running.awaitApplicationName("busy", Duration.ofSeconds(10));
 *     long millis = running.stop(RunningStatement.Stop.CANCEL);
 *     assertEquals("57014", running.outcome().getSQLState());
 * }
 * }</pre>
 */
public final class RunningStatement implements AutoCloseable {
    /** How a DBA stops a statement: {@code pg_cancel_backend} or {@code pg_terminate_backend}. */
    public enum Stop {
        CANCEL("pg_cancel_backend"),
        TERMINATE("pg_terminate_backend");

        private final String function;

        Stop(String function) {
            this.function = function;
        }
    }

    private final Connection observer;
    private final int pid;
    private final String sql;
    private final CompletableFuture<SQLException> running;

    private RunningStatement(Connection observer, int pid, String sql, CompletableFuture<SQLException> running) {
        this.observer = observer;
        this.pid = pid;
        this.sql = sql;
        this.running = running;
    }

    /** Starts {@code sql} in {@code session}; {@code observer} is another session to watch and stop it from. */
    public static RunningStatement start(Connection session, Connection observer, String sql) throws SQLException {
        int pid = (Integer) Sql.one(session, "select pg_backend_pid()");
        return new RunningStatement(observer, pid, sql, CompletableFuture.supplyAsync(() -> {
            try (Statement s = session.createStatement()) {
                // The simple query protocol: with the extended one, pg_stat_activity shows the statement
                // active from its Parse message on, and PostgreSQL drops a cancel that arrives while it
                // reads the next message (DoingCommandRead), whatever the language: a test that cancels
                // as soon as the statement is active lost ~45 % of its cancels on a new backend (pgj and
                // PL/Python alike, docs/internals.md), and none with this protocol.
                s.unwrap(PgStatement.class).executeWithFlags(sql, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE);
                return null;
            } catch (SQLException e) {
                return e;
            }
        }));
    }

    /** The backend running the statement. */
    public int pid() {
        return pid;
    }

    /** Waits until pg_stat_activity shows the statement running. */
    public RunningStatement awaitActive(Duration timeout) {
        Poll.until("the statement to run: " + sql, timeout, Duration.ofMillis(2),
                () -> running.isDone() || (Long) Sql.one(observer, "select count(*) from pg_stat_activity where pid = ?"
                        + " and state = 'active' and query = ?", pid, sql) == 1L);
        failIfEndedAlready();
        return this;
    }

    /** A statement that ended before it was seen where the test waits for it is the test's failure, said at once. */
    private void failIfEndedAlready() {
        if (running.isDone() && !running.isCancelled()) {
            SQLException outcome = running.join();
            throw new AssertionError("the statement ended before it was seen running ("
                    + (outcome == null ? "it succeeded" : outcome.getSQLState() + ": " + outcome.getMessage()) + "): " + sql, outcome);
        }
    }

    /**
     * Waits until the session's {@code application_name} is {@code name}: code under test can set
     * it (set_config) to say it has reached the point to stop it at.
     */
    public RunningStatement awaitApplicationName(String name, Duration timeout) {
        AtomicBoolean reached = new AtomicBoolean();
        Poll.until("the statement to reach its point (application_name " + name + "): " + sql, timeout, Duration.ofMillis(2),
                () -> {
                    if (name.equals(Sql.one(observer, "select application_name from pg_stat_activity where pid = ?", pid))) {
                        reached.set(true);
                    }
                    return reached.get() || running.isDone();
                });
        if (!reached.get()) {
            failIfEndedAlready();
        }
        return this;
    }

    /** Stops the statement; returns the milliseconds from the call until the statement ended. */
    public long stop(Stop how, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        if (!Boolean.TRUE.equals(Sql.one(observer, "select " + how.function + "(?)", pid))) {
            throw new AssertionError(how.function + "(" + pid + ") found no such backend");
        }
        outcome(timeout);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * Runs {@code sql} in {@code session}, cancels it from another session of {@code server} once
     * it is active, and returns the SQLSTATE it ended with (null if it succeeded).
     */
    public static String cancelOnceActive(PgServer server, Connection session, String sql, Duration timeout)
            throws SQLException {
        try (Connection observer = server.connect();
             RunningStatement running = start(session, observer, sql).awaitActive(timeout)) {
            running.stop(Stop.CANCEL, timeout);
            SQLException outcome = running.outcome(timeout);
            return outcome == null ? null : outcome.getSQLState();
        }
    }

    /** What the statement ended with, or null if it succeeded; fails if it does not end within {@code timeout}. */
    public SQLException outcome(Duration timeout) {
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the statement did not end within " + timeout + ": " + sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /**
     * Waits until the backend's process has ended. A zombie has: after a postmaster dies, its
     * orphans' new parent reaps them when it will.
     */
    public void awaitBackendExit(Duration timeout) {
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        Poll.until("backend " + pid + " to exit", timeout, Duration.ofMillis(5), () -> {
            try {
                String line = Files.readString(stat);
                return line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException gone) {
                return true;
            }
        });
    }

    /** Does not stop the statement: closing its session does (or it ends by itself). */
    @Override
    public void close() {
        running.cancel(false);
    }
}
