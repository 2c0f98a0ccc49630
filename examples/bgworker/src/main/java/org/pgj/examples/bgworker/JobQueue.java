package org.pgj.examples.bgworker;

import java.time.Duration;
import org.pgj.bgworker.BackgroundWorker;
import org.pgj.bgworker.BackgroundWorkerBuilder;
import org.pgj.bgworker.BackgroundWorkerStatus;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.guc.Gucs;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiRow;
import org.pgj.spi.SpiStatement;

/**
 * A job queue: SQL inserts jobs, a pool of dynamic workers claims them with
 * {@code FOR UPDATE SKIP LOCKED}, runs Java for each and commits the results. A worker that is
 * terminated mid-batch rolls it back, so its jobs stay queued for the others: none is lost or
 * done twice.
 */
@ExtensionSql(name = "jobs", position = ExtensionSql.Position.FIRST,
        sql = "CREATE TABLE jobs(id bigserial PRIMARY KEY, payload bigint NOT NULL, status text NOT NULL DEFAULT 'queued',"
                + " result bigint, worker int, done_at timestamptz);"
                + " CREATE INDEX jobs_queued ON jobs(id) WHERE status = 'queued';")
public final class JobQueue {
    private JobQueue() {
    }

    /** Queues {@code count} jobs with payloads 1..count. */
    @PgFunction
    public static long submitJobs(int count) {
        return Spi.run("INSERT INTO jobs(payload) SELECT i FROM generate_series(1, $1) i", count);
    }

    /** Starts {@code workers} job workers in this database; returns how many run. */
    @PgFunction
    public static int startJobWorkers(int workers) {
        String database = Spi.getOne("SELECT current_database()", String.class).orElseThrow();
        int running = 0;
        for (int i = 1; i <= workers; i++) {
            BackgroundWorkerStatus status = new BackgroundWorkerBuilder("pgj job worker " + i)
                    .type("pgj job worker")
                    .entryPoint(JobQueue::work)
                    .enableSpiAccess()
                    .argument(i)
                    .extra(database)
                    .loadDynamic()
                    .waitForStartup();
            if (status instanceof BackgroundWorkerStatus.Started) {
                running++;
            }
        }
        return running;
    }

    /** The work a job stands for: here, a checksum of its payload. */
    static long compute(long payload) {
        long h = payload;
        for (int i = 0; i < 16; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
        }
        return h ^ (h >>> 29);
    }

    /** A worker: claims batches until none is left, then naps; stops on SIGTERM. */
    public static void work(int workerNumber) {
        BackgroundWorker.connectWorkerToSpi(BackgroundWorker.getExtra(), null);
        while (BackgroundWorker.workerContinue()) {
            int done = BackgroundWorker.transaction(() -> claimAndRun(workerNumber));
            if (done == 0 && !BackgroundWorker.waitLatch(Duration.ofMillis(50))) {
                break;
            }
        }
    }

    private static int claimAndRun(int workerNumber) {
        try (SpiConnection spi = Spi.connect()) {
            SpiStatement finish = spi.prepare(
                    "UPDATE jobs SET status = 'done', result = $1, worker = $2, done_at = clock_timestamp() WHERE id = $3",
                    "bigint", "int", "bigint");
            int done = 0;
            // update, not select: a read-only statement may not lock rows.
            for (SpiRow job : spi.update("SELECT id, payload FROM jobs WHERE status = 'queued' ORDER BY id LIMIT "
                    + Gucs.of(BgworkerSettings.class).jobBatch() + " FOR UPDATE SKIP LOCKED")) {
                spi.run(finish, compute(job.getLong(2)), workerNumber, job.getLong(1));
                done++;
            }
            return done;
        }
    }
}
