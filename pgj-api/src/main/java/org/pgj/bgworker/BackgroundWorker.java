package org.pgj.bgworker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.pgj.internal.workers.Workers;

/**
 * The running background worker, from inside it. Every method throws
 * {@link IllegalStateException} outside a pgj worker.
 *
 * <p>Signals: see {@link #attachSignalHandlers}. SIGHUP reloads the configuration at the next
 * {@link #waitLatch} or {@link #workerContinue()}.
 */
public final class BackgroundWorker {
    private BackgroundWorker() {
    }

    /** The worker's name, as registered. */
    public static String getName() {
        return Workers.name();
    }

    /** The worker's type, shown as {@code backend_type} in {@code pg_stat_activity}. */
    public static String getType() {
        return Workers.type();
    }

    /** The builder's {@code extra}, as UTF-8 text up to its first NUL byte. */
    public static String getExtra() {
        return new String(Workers.extra(), StandardCharsets.UTF_8);
    }

    /** The builder's {@code extra} bytes, up to the first NUL. */
    public static byte[] getExtraBytes() {
        return Workers.extra();
    }

    /** The builder's argument, also passed to the entry point. */
    public static int getArgument() {
        return Workers.argument();
    }

    /** Whether a SIGHUP arrived since the last call (test and clear). */
    public static boolean sighupReceived() {
        return Workers.sighupReceived();
    }

    /** Whether a SIGTERM arrived since the last call (test and clear). */
    public static boolean sigtermReceived() {
        return Workers.sigtermReceived();
    }

    /**
     * Sleeps until the latch is set or {@code timeout} passes ({@code null}: no timeout). Returns
     * false once the worker must stop: after SIGTERM, or when the postmaster has died (a worker
     * that waits again after that exits at once). Also reloads the configuration after SIGHUP and
     * processes other interrupts.
     */
    public static boolean waitLatch(Duration timeout) {
        return Workers.waitLatch(timeout == null ? -1 : Math.max(0, timeout.toMillis()));
    }

    /** Whether the worker should go on: no SIGTERM so far and the postmaster is alive. */
    public static boolean workerContinue() {
        return Workers.workerContinue();
    }

    /**
     * Chooses what SIGTERM means, as pgx's {@code attach_signal_handlers} and worker_spi's
     * {@code pqsignal} calls do. With {@link SignalWakeFlags#SIGTERM}, a SIGTERM only sets the flag
     * that {@link #sigtermReceived()}, {@link #waitLatch} and {@link #workerContinue()} report, and
     * wakes the latch: the worker stops on its own terms, and nothing interrupts a query it runs.
     * Without it, a SIGTERM terminates the worker (FATAL) at its next interrupt check, as
     * PostgreSQL's default does. A SIGTERM that arrived before this call (say, while the worker's
     * JVM started) was held and is handled now. A worker that never calls this gets the default at
     * its first {@link #waitLatch}, {@link #workerContinue()}, {@link #connectWorkerToSpi},
     * {@link #transaction} or {@link org.pgj.Pg#checkForInterrupts()}. SIGHUP is always recorded
     * for {@link #sighupReceived()}, from the worker's start.
     */
    public static void attachSignalHandlers(SignalWakeFlags... wake) {
        Workers.attachSignalHandlers(java.util.Arrays.asList(wake).contains(SignalWakeFlags.SIGTERM));
    }

    /** Connects to {@code database} as {@code user} ({@code null}: the bootstrap superuser). Once. */
    public static void connectWorkerToSpi(String database, String user) {
        Workers.connect(database, user);
    }

    /** Connects by OIDs ({@code 0} for the user: the bootstrap superuser). Once. */
    public static void connectWorkerToSpi(int databaseOid, int userOid) {
        Workers.connect(databaseOid, userOid);
    }

    /**
     * Runs {@code body} in a transaction with a snapshot and commits it. If the body throws, the
     * transaction is rolled back and the exception rethrown, so the worker can catch it and go on.
     */
    public static <T> T transaction(Supplier<T> body) {
        return Workers.transaction(body);
    }

    /** {@link #transaction(Supplier)} for a body without a result. */
    public static void transaction(Runnable body) {
        Workers.transaction(() -> {
            body.run();
            return null;
        });
    }
}
