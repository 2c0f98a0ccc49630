package org.pgj.examples.bgworker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pgj.bgworker.BackgroundWorker;
import org.pgj.bgworker.BackgroundWorkerBuilder;
import org.pgj.bgworker.BackgroundWorkerStatus;
import org.pgj.bgworker.DynamicBackgroundWorker;
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

    /** Terminates every worker this backend started and waits for each; returns how many. */
    @PgFunction
    public static int stopWorkers() {
        int n = STARTED.size();
        for (DynamicBackgroundWorker w : STARTED.values()) {
            w.terminate().waitForShutdown();
        }
        STARTED.clear();
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
