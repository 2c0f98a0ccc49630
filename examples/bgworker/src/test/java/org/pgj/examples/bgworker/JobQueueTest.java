package org.pgj.examples.bgworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.Sql;

/** The job queue: two workers drain the queue, each job once and right, and stop cleanly. */
@PgjTest
class JobQueueTest {
    @Test
    void twoWorkersProcessEveryJobOnceAndStopCleanly(Connection c, PgServer server) throws Exception {
        // With every query JIT-compiled (-Dpgj.test.jit=force), each costs ~100 ms: fewer jobs in
        // smaller batches, the same checks. Three batches: while one worker runs its batch (seconds),
        // the other claims the next.
        boolean jit = "0".equals(Sql.one(c, "SHOW jit_above_cost"));
        int jobs = jit ? 300 : 20_000;
        int batch = jit ? 100 : 500;
        server.setConfig("bgworker.job_batch", Integer.toString(batch));
        try {
            runJobs(c, jobs, batch);
        } finally {
            server.setConfig("bgworker.job_batch", "500");
        }
    }

    private static void runJobs(Connection c, int jobs, int batch) throws Exception {
        Sql.run(c, "TRUNCATE jobs");
        assertEquals((long) jobs, Sql.one(c, "SELECT submit_jobs(?)", jobs));
        assertEquals(2, Sql.one(c, "SELECT start_job_workers(2)"));
        Poll.until("every job done", Duration.ofSeconds(120), Duration.ofMillis(100),
                () -> (Long) Sql.one(c, "SELECT count(*) FROM jobs WHERE status = 'done'") == jobs);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(DISTINCT worker), count(*) / extract(epoch FROM max(done_at) - min(done_at))"
                     + " FROM jobs")) {
            rs.next();
            int workers = rs.getInt(1);
            if (jobs >= 10 * batch) {
                assertEquals(2, workers, "both workers took jobs");
            } else {
                // A worker claims a batch at once: with a few batches (the JIT pass), the first
                // worker may rightly take them all before the second one starts.
                assertTrue(workers == 1 || workers == 2, "workers that took jobs: " + workers);
            }
            System.out.printf("job queue: %.0f jobs/s with 2 workers%n", rs.getDouble(2));
        }
        // Each result is the Java computation of its payload.
        for (long payload : new long[] {1, jobs / 2 + 1, jobs}) {
            assertEquals(JobQueue.compute(payload), Sql.one(c, "SELECT result FROM jobs WHERE payload = ?", payload));
        }
        Sql.one(c, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'pgj job worker'");
        Poll.until("the workers' exit", Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> (Long) Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pgj job worker'") == 0);
        assertEquals(0L, Sql.one(c, "SELECT count(*) FROM jobs WHERE status <> 'done'"));
    }
}
