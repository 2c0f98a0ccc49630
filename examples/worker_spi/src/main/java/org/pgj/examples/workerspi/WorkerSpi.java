package org.pgj.examples.workerspi;

import java.time.Duration;
import org.pgj.Pg;
import org.pgj.bgworker.BackgroundWorker;
import org.pgj.bgworker.BackgroundWorkerBuilder;
import org.pgj.bgworker.BackgroundWorkerStatus;
import org.pgj.bgworker.SignalWakeFlags;
import org.pgj.bgworker.StaticBackgroundWorker;
import org.pgj.functions.PgFunction;
import org.pgj.guc.Gucs;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiResult;

/**
 * PostgreSQL's src/test/modules/worker_spi in Java. Each worker keeps a table
 * {@code schema<N>.counted}: every naptime (or at once after SIGHUP) it folds the 'delta' rows
 * into the 'total' row. Static workers start with the server (worker_spi.total_workers of
 * them, in worker_spi.database); worker_spi_launch(n) starts a dynamic one in the current
 * database.
 */
public final class WorkerSpi {
    private WorkerSpi() {
    }

    @StaticBackgroundWorker(name = "worker_spi worker %d", type = "worker_spi", argument = 1,
            instancesSetting = "worker_spi.total_workers", spiAccess = true)
    public static void main(int index) {
        // worker_spi.c: SIGHUP reloads the configuration, SIGTERM keeps die(), which terminates the worker.
        BackgroundWorker.attachSignalHandlers(SignalWakeFlags.SIGHUP);
        WorkerSpiSettings settings = Gucs.of(WorkerSpiSettings.class);
        String database = BackgroundWorker.getExtra().isEmpty() ? settings.database() : BackgroundWorker.getExtra();
        BackgroundWorker.connectWorkerToSpi(database, null);
        String schema = "schema" + index;
        String table = Spi.quoteIdentifier(schema) + ".counted";
        initialize(schema, table);
        while (BackgroundWorker.waitLatch(Duration.ofSeconds(settings.naptime()))) {
            BackgroundWorker.transaction(() -> {
                try (SpiConnection spi = Spi.connect()) {
                    SpiResult total = spi.update("WITH deleted AS (DELETE FROM " + table + " WHERE type = 'delta' RETURNING value),"
                            + " total AS (SELECT coalesce(sum(value), 0) AS sum FROM deleted)"
                            + " UPDATE " + table + " SET value = " + table + ".value + total.sum"
                            + " FROM total WHERE type = 'total' RETURNING " + table + ".value");
                    // No 'total' row yet: nothing to fold into, as in worker_spi.c.
                    if (!total.isEmpty()) {
                        Pg.log(BackgroundWorker.getName() + ": count in " + table + " is now " + total.first().getInt(1));
                    }
                }
            });
        }
    }

    private static void initialize(String schema, String table) {
        BackgroundWorker.transaction(() -> {
            long exists = Spi.getOne("SELECT count(*) FROM pg_namespace WHERE nspname = $1", Long.class, schema).orElse(0L);
            if (exists == 0) {
                Spi.run("CREATE SCHEMA " + Spi.quoteIdentifier(schema));
                Spi.run("CREATE TABLE " + table + " (type text CHECK (type IN ('total', 'delta')), value integer)");
                Spi.run("CREATE UNIQUE INDEX ON " + table + " (type) WHERE type = 'total'");
            }
        });
    }

    /** Starts a dynamic worker for schema{@code index} in this database; returns its pid, or NULL. */
    @PgFunction
    public static Integer workerSpiLaunch(int index) {
        String database = Spi.getOne("SELECT current_database()", String.class).orElseThrow();
        BackgroundWorkerStatus status = new BackgroundWorkerBuilder("worker_spi dynamic worker " + index)
                .type("worker_spi dynamic")
                .entryPoint(WorkerSpi::main)
                .enableSpiAccess()
                .argument(index)
                .extra(database)
                .loadDynamic()
                .waitForStartup();
        return status instanceof BackgroundWorkerStatus.Started(int pid) ? pid : null;
    }
}
