package org.pgj.examples.bgworker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pgj.bgworker.BackgroundWorker;
import org.pgj.bgworker.BackgroundWorkerBuilder;
import org.pgj.bgworker.BackgroundWorkerStatus;
import org.pgj.bgworker.DynamicBackgroundWorker;
import org.pgj.bgworker.SignalWakeFlags;
import org.pgj.errors.PgException;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.guc.Gucs;
import org.pgj.spi.Spi;

/**
 * Workers whose behaviour the tests check: each records what happens to it in
 * {@code bgw_events}, in the database named by its extra.
 */
@ExtensionSql(name = "bgw_events", position = ExtensionSql.Position.FIRST,
        sql = "CREATE TABLE bgw_events(worker text NOT NULL, event text NOT NULL, value text,"
                + " at timestamptz NOT NULL DEFAULT clock_timestamp());")
public final class TestWorkers {
    /** Workers this backend started, by name, so a later call can stop them. */
    private static final java.util.Map<String, DynamicBackgroundWorker> STARTED = new java.util.LinkedHashMap<>();

    private TestWorkers() {
    }

    /**
     * Terminates every worker this backend started and waits for each; returns how many. Stopped
     * means the postmaster has forgotten the worker, so it is never restarted.
     */
    @PgFunction
    public static int stopWorkers() {
        int n = STARTED.size();
        List<String> notStopped = new ArrayList<>();
        for (DynamicBackgroundWorker w : STARTED.values()) {
            BackgroundWorkerStatus status = w.terminate().waitForShutdown();
            if (!(status instanceof BackgroundWorkerStatus.Stopped)) {
                notStopped.add(w.name() + ": " + status);
            }
        }
        STARTED.clear();
        if (!notStopped.isEmpty()) {
            throw new PgException("55000", "workers not stopped: " + notStopped);
        }
        return n;
    }

    /** Starts the entry point named {@code entry} and returns its pid once it runs. */
    @PgFunction
    public static int startWorker(String entry, int argument, int restartSeconds, String database) {
        BackgroundWorkerBuilder builder = new BackgroundWorkerBuilder("pgj test " + entry + " " + argument)
                .type("pgj test worker")
                .enableSpiAccess()
                .argument(argument)
                .restartTime(restartSeconds < 0 ? null : Duration.ofSeconds(restartSeconds))
                .extra(database);
        switch (entry) {
            case "recorder" -> builder.entryPoint(TestWorkers::recorder);
            case "failing" -> builder.entryPoint(TestWorkers::failing);
            case "tx_errors" -> builder.entryPoint(TestWorkers::transactionErrors);
            case "sighup" -> builder.entryPoint(TestWorkers::sighupWatcher);
            case "late_attacher" -> builder.entryPoint(TestWorkers::lateAttacher);
            case "attached_recorder" -> builder.entryPoint(TestWorkers::attachedRecorder);
            case "spinner" -> builder.entryPoint(TestWorkers::spinner);
            default -> throw new IllegalArgumentException("no test worker " + entry);
        }
        DynamicBackgroundWorker worker = builder.loadDynamic();
        STARTED.put(worker.name(), worker);
        if (worker.waitForStartup() instanceof BackgroundWorkerStatus.Started(int pid)) {
            return pid;
        }
        throw new PgException("55000", "worker " + entry + " did not start: " + worker.pid());
    }

    private static void record(String event, Object value) {
        BackgroundWorker.transaction(() -> Spi.run("INSERT INTO bgw_events(worker, event, value) VALUES ($1, $2, $3)",
                BackgroundWorker.getName(), event, String.valueOf(value)));
    }

    private static void connect() {
        BackgroundWorker.connectWorkerToSpi(BackgroundWorker.getExtra(), null);
    }

    /** Records its start, then waits on its latch until told to stop. */
    public static void recorder(int argument) {
        connect();
        record("started", argument);
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(1))) {
            // nothing to do: the tests stop it
        }
    }

    /** Records its start and throws: the postmaster restarts it after its restart time, if any. */
    public static void failing(int argument) {
        connect();
        record("started", argument);
        throw new IllegalStateException("worker failure " + argument);
    }

    /** A failed transaction is rolled back; the worker catches the error and goes on. */
    public static void transactionErrors(int argument) {
        connect();
        try {
            BackgroundWorker.transaction(() -> {
                record("never", "inside"); // nested: refused, so never recorded
            });
        } catch (IllegalStateException e) {
            record("nested refused", e.getMessage().contains("cannot be nested"));
        }
        try {
            BackgroundWorker.transaction(() -> {
                Spi.run("INSERT INTO bgw_events(worker, event, value) VALUES ($1, 'rolled back', '')",
                        BackgroundWorker.getName());
                Spi.run("SELECT 1/0");
            });
        } catch (PgException e) {
            record("caught", e.sqlState());
        }
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(1))) {
            // wait to be stopped
        }
    }

    /** Records bgworker.naptime at start and after each SIGHUP. */
    public static void sighupWatcher(int argument) {
        BgworkerSettings settings = Gucs.of(BgworkerSettings.class);
        connect();
        record("naptime", settings.naptime());
        while (BackgroundWorker.waitLatch(null)) {
            if (BackgroundWorker.sighupReceived()) {
                record("naptime", settings.naptime());
            }
        }
    }

    /**
     * Attaches SIGTERM first, as pgx's workers do: a SIGTERM then only ends its latch waits, and it
     * still commits a last event before it returns (not after the postmaster's death).
     */
    public static void attachedRecorder(int argument) {
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGHUP, SignalWakeFlags.SIGTERM);
        connect();
        record("started", argument);
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(1))) {
            // until SIGTERM or the postmaster's death
        }
        if (BackgroundWorker.sigtermReceived()) {
            record("stopping after sigterm", argument);
        }
    }

    /**
     * Never attaches, never waits, never calls pgj: a loop of pure Java from its first line. A
     * SIGTERM still ends it, a second into its entry point (bgworker.c's grace for attaching).
     */
    public static void spinner(int argument) {
        long n = argument;
        while (true) {
            n++;
        }
    }

    /**
     * Waits for a SIGHUP without having attached any handler (the reloaded bgworker.naptime shows
     * it came), then attaches and records whether the SIGHUP is still reported.
     */
    public static void lateAttacher(int argument) {
        BgworkerSettings settings = Gucs.of(BgworkerSettings.class);
        connect();
        int first = settings.naptime();
        record("naptime", first);
        while (settings.naptime() == first && BackgroundWorker.waitLatch(Duration.ofSeconds(1))) {
            // SIGHUP sets the latch, and waitLatch reloads the configuration
        }
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGHUP, SignalWakeFlags.SIGTERM);
        record("sighup after attach", BackgroundWorker.sighupReceived());
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(1))) {
            // wait to be stopped
        }
    }

    /**
     * pgx's own background worker test (pgx-tests, bgworker_tests.rs) in Java: it attaches its
     * handlers, creates a table, inserts its argument, waits on its latch every 100 ms, and on
     * SIGTERM adds one in a last transaction.
     */
    public static void pgxTestWorker(int argument) {
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGHUP, SignalWakeFlags.SIGTERM);
        BackgroundWorker.connectWorkerToSpi(BackgroundWorker.getExtra(), null);
        BackgroundWorker.transaction(() -> {
            Spi.run("CREATE TABLE bgworker_test (v INTEGER)");
            Spi.run("INSERT INTO bgworker_test VALUES ($1)", argument);
        });
        while (BackgroundWorker.waitLatch(Duration.ofMillis(100))) {
            // until SIGTERM
        }
        BackgroundWorker.transaction(() -> {
            Spi.run("UPDATE bgworker_test SET v = v + 1");
        });
    }

    /**
     * pgx's test_dynamic_bgworker: starts {@link #pgxTestWorker}, waits for its start, at once
     * terminates it and waits for its exit, then returns the row it left. The SIGTERM arrives
     * while the worker's JVM starts. Drop {@code bgworker_test} first, in its own transaction.
     */
    @PgFunction
    public static int pgxDynamicBgworker(int argument) {
        String database = Spi.getOne("SELECT current_database()", String.class).orElseThrow();
        startTerminateAndWait(new BackgroundWorkerBuilder("dynamic_bgworker")
                .entryPoint(TestWorkers::pgxTestWorker)
                .argument(argument)
                .enableSpiAccess()
                .extra(database));
        return Spi.getOne("SELECT v FROM bgworker_test", Integer.class).orElseThrow();
    }

    /** Starts a test worker, terminates it as soon as it started, and waits for its exit. */
    @PgFunction
    public static void terminateAtOnce(String entry, int argument) {
        String database = Spi.getOne("SELECT current_database()", String.class).orElseThrow();
        BackgroundWorkerBuilder builder = new BackgroundWorkerBuilder("pgj test " + entry + " " + argument)
                .type("pgj test worker").enableSpiAccess().argument(argument).extra(database);
        switch (entry) {
            case "recorder" -> builder.entryPoint(TestWorkers::recorder);
            case "sighup" -> builder.entryPoint(TestWorkers::sighupWatcher);
            default -> throw new IllegalArgumentException("no test worker " + entry);
        }
        startTerminateAndWait(builder);
    }

    private static void startTerminateAndWait(BackgroundWorkerBuilder builder) {
        DynamicBackgroundWorker worker = builder.loadDynamic();
        BackgroundWorkerStatus started = worker.waitForStartup();
        BackgroundWorkerStatus stopped = worker.terminate().waitForShutdown();
        if (!(started instanceof BackgroundWorkerStatus.Started(int pid)) || pid <= 0
                || !(stopped instanceof BackgroundWorkerStatus.Stopped)) {
            throw new PgException("55000", worker + " did not start and stop: " + started + ", then " + stopped);
        }
    }

    /** The status of a worker this backend started, without waiting: Started(pid), NotYetStarted or Stopped. */
    @PgFunction
    public static String workerStatus(String name) {
        DynamicBackgroundWorker worker = STARTED.get(name);
        if (worker == null) {
            throw new PgException("22023", "this backend started no worker named " + name);
        }
        return worker.pid().toString();
    }

    /** Returns at once: its start is all there is to time. */
    public static void quick(int argument) {
        BackgroundWorker.getName();
    }

    /**
     * Times a dynamic worker: milliseconds from loadDynamic() until waitForStartup() returns, and
     * until the worker has run its Java entry point and exited ("startup java").
     */
    @PgFunction(volatility = org.pgj.functions.Volatility.VOLATILE)
    public static String timeWorkerStart() {
        long start = System.nanoTime();
        DynamicBackgroundWorker worker = new BackgroundWorkerBuilder("pgj timed worker").entryPoint(TestWorkers::quick)
                .loadDynamic();
        BackgroundWorkerStatus started = worker.waitForStartup();
        long startup = System.nanoTime();
        BackgroundWorkerStatus stopped = worker.waitForShutdown();
        long done = System.nanoTime();
        if (!(started instanceof BackgroundWorkerStatus.Started) || !(stopped instanceof BackgroundWorkerStatus.Stopped)) {
            throw new PgException("55000", "the timed worker did not run: " + started + ", then " + stopped);
        }
        return (startup - start) / 1e6 + " " + (done - start) / 1e6;
    }

    /** Calls the worker API in a regular backend. */
    @PgFunction
    public static String workerNameHere() {
        return BackgroundWorker.getName();
    }

    /** Attaches signal handlers in a regular backend, which must refuse and leave its own handlers alone. */
    @PgFunction
    public static void attachHere() {
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGTERM);
    }

    /** A worker whose notify pid is not this backend cannot be waited for. */
    @PgFunction
    public static String untrackedStatus() {
        DynamicBackgroundWorker worker = new BackgroundWorkerBuilder("pgj test untracked")
                .entryPoint(TestWorkers::recorder).enableSpiAccess().extra("postgres").notifyPid(0).loadDynamic();
        String status = worker.waitForStartup().toString();
        worker.terminate();
        return status;
    }

    /** Starts workers until the slots run out, then stops them and rethrows the error. */
    @PgFunction
    public static int fillWorkerSlots(String database) {
        List<DynamicBackgroundWorker> started = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                started.add(new BackgroundWorkerBuilder("pgj test filler " + i).entryPoint(TestWorkers::recorder)
                        .enableSpiAccess().argument(i).extra(database).loadDynamic());
            }
            return started.size();
        } finally {
            for (DynamicBackgroundWorker w : started) {
                w.terminate().waitForShutdown();
            }
        }
    }

    /** Builder mistakes fail at once, in the calling backend. */
    @PgFunction
    public static String badBuilder(String mistake) {
        BackgroundWorkerBuilder builder = new BackgroundWorkerBuilder("pgj test bad");
        switch (mistake) {
            case "extra" -> builder.extra("x".repeat(BackgroundWorkerBuilder.MAX_EXTRA_BYTES + 1));
            case "lambda" -> builder.entryPoint(argument -> { });
            case "no entry point" -> builder.loadDynamic();
            case "name" -> builder.entryPoint(TestWorkers::recorder).type("t".repeat(200)).loadDynamic();
            case "load" -> builder.entryPoint(TestWorkers::recorder).load();
            case "startup" -> builder.entryPoint(TestWorkers::recorder).enableShmemAccess(HelloWorker::initShared).loadDynamic();
            default -> throw new IllegalArgumentException(mistake);
        }
        return "accepted";
    }
}
