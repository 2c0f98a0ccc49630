package org.pgj.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/**
 * Waits, boundedly, for something another session or process does: a background worker's row,
 * a NOTICE in the log, a committed in-backend test's effect.
 *
 * <pre>{@code
 * Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50), () -> countRows(c) == 3);
 * }</pre>
 */
public final class Poll {
    private Poll() {
    }

    /** Same as {@link #until(String, Duration, Duration, Callable)} with a generic description. */
    public static void until(Duration timeout, Duration interval, Callable<Boolean> condition) {
        until("the condition", timeout, interval, condition);
    }

    /**
     * Calls {@code condition} every {@code interval} until it returns true; fails with an
     * {@link AssertionFailedError} naming {@code description} if that has not happened within
     * {@code timeout}. It is always called at least once, and once more at the deadline. An
     * exception from it counts as "not yet" (a table may not exist yet); the last one is the
     * failure's cause.
     */
    public static void until(String description, Duration timeout, Duration interval, Callable<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        if (timeout == null || timeout.isNegative() || interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Poll.until needs a timeout >= 0 and an interval > 0, got timeout "
                    + timeout + " and interval " + interval);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int attempts = 0;
        Exception last = null;
        while (true) {
            attempts++;
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + description, e);
            } catch (Exception e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + description, e);
            }
        }
        String waited = String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
        throw new AssertionFailedError(description + " was not met within " + timeout.toMillis() + " ms (waited "
                + waited + ", checked " + attempts + " time(s))" + (last == null ? "" : "; the last check threw " + last), last);
    }
}
