package org.pgj.tooling.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time behind progress lines: how long since a start, and the heartbeat of a running step.
 * {@link #SYSTEM} is the machine's; tests give their own, so that no assertion depends on how
 * fast a loaded machine runs.
 */
public interface ProgressClock {
    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code beat} every {@code interval}, the first time one interval from now, until the result is run. */
    Runnable every(Duration interval, Runnable beat);

    ProgressClock SYSTEM = new ProgressClock() {
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgj-progress");
            t.setDaemon(true);
            return t;
        });

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Runnable every(Duration interval, Runnable beat) {
            ScheduledFuture<?> future = ticker.scheduleAtFixedRate(beat, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }
    };
}
