package org.pgj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Background workers (examples/bgworker): a dynamic worker's start, until waitForStartup()
 * returns and until it has run its Java entry point and exited; then the job queue's throughput
 * with 2 workers.
 */
final class WorkersSection implements Section {
    static final double START_MAX_MS = 300;
    static final double JOBS_MIN_PER_SECOND = 5000;
    static final int JOBS = 20_000;

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public void run(BenchRun run) throws SQLException {
        int starts = run.counts().firstCallSessions();
        run.step("[workers] " + starts + " dynamic worker starts, job queue with 2 workers");
        List<Double> startup = new ArrayList<>();
        List<Double> java = new ArrayList<>();
        try (Connection c = run.connect()) {
            for (int i = 0; i < starts; i++) {
                String[] ms = Timing.run(c, "SELECT time_worker_start()").value().split(" ");
                startup.add(Double.parseDouble(ms[0]));
                java.add(Double.parseDouble(ms[1]));
            }
            run.step(String.format(Locale.ROOT, "  waitForStartup: %s ms; Java ran and exited: %s ms", startup, java));
            run.add(Measurement.latency("bgworker", "dynamic worker: waitForStartup", "time_worker_start()", startup, null,
                    Measurement.Limits.median(START_MAX_MS)));
            run.add(Measurement.latency("bgworker", "dynamic worker: Java ran, exited", "time_worker_start()", java, null,
                    Measurement.Limits.median(START_MAX_MS)));

            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < Math.max(1, run.counts().timed() / 2); round++) {
                Timing.execute(c, "TRUNCATE jobs");
                Timing.run(c, "SELECT submit_jobs(" + JOBS + ")");
                Timing.run(c, "SELECT start_job_workers(2)");
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (Long.parseLong(Timing.run(c, "SELECT count(*) FROM jobs WHERE status = 'queued'").value()) > 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the job workers did not finish " + JOBS + " jobs in 120 s");
                    }
                    BenchRun.sleep(50);
                }
                Timing.run(c, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'pgj job worker'");
                rates.add(Double.parseDouble(Timing.run(c,
                        "SELECT count(*) / extract(epoch FROM max(done_at) - min(done_at)) FROM jobs").value()));
            }
            run.step(String.format(Locale.ROOT, "  job queue: %s jobs/s", rates));
            run.add(Measurement.rate("bgworker", "job queue, 2 workers", "submit_jobs(" + JOBS + ")", "jobs/s", rates, null,
                    null, JOBS_MIN_PER_SECOND));
        }
    }
}
