package org.pgj.tooling.progress;

import java.time.Duration;
import java.util.Locale;

/**
 * One long step of a {@link Progress}: a heartbeat line every few seconds while it runs, so no
 * step is silent for longer than that, and its duration when it ends.
 *
 * <pre>{@code
 * try (ProgressStep step = progress.begin("building pgj.so")) {
 *     make();
 *     step.done("built pgj.so");
 * }
 * }</pre>
 */
public final class ProgressStep implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Progress progress;
    private final String what;
    private final ProgressClock clock;
    private final long start;
    /** Stops the heartbeat; null when there is none. */
    private final Runnable heartbeat;
    private boolean finished;

    private ProgressStep(Progress progress, String what, Duration interval, ProgressClock clock) {
        this.progress = progress;
        this.what = what;
        this.clock = clock;
        this.start = clock.nanoTime();
        progress.step(what + " ...");
        this.heartbeat = interval == null ? null : clock.every(interval, this::beat);
    }

    static ProgressStep start(Progress progress, String what, Duration interval) {
        return start(progress, what, interval, ProgressClock.SYSTEM);
    }

    static ProgressStep start(Progress progress, String what, Duration interval, ProgressClock clock) {
        return new ProgressStep(progress, what, interval, clock);
    }

    /** Synchronized with {@link #done}, so no heartbeat line follows the step's last line. */
    private synchronized void beat() {
        if (!finished) {
            progress.step("still " + what + " (" + seconds() + ")");
        }
    }

    /** Ends the step with {@code message} and the time it took. */
    public synchronized void done(String message) {
        stopHeartbeat();
        if (!finished) {
            finished = true;
            progress.step(message + " in " + seconds());
        }
    }

    /** The time since the step began, e.g. {@code 12.3s}. */
    public String seconds() {
        return String.format(Locale.ROOT, "%.1fs", (clock.nanoTime() - start) / 1e9);
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.run();
        }
    }

    /** Stops the heartbeat; a step closed without {@link #done} failed, and its exception says why. */
    @Override
    public synchronized void close() {
        stopHeartbeat();
        finished = true;
    }
}
