package org.pgj.test;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.AssertionFailedError;

/**
 * Waits, boundedly, for something another session or process does: a background worker's row,
 * a NOTICE in the log, a committed in-backend test's effect. A thin wrapper of Awaitility that
 * fixes the choices pgj's tests share: check at once and then every {@code interval}, on the
 * test's own thread (a JDBC connection is not shared), an exception counting as "not yet" (a
 * table may not exist yet), and a timeout failing the test as an assertion would. Tests that
 * need more of Awaitility use it directly.
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
     * {@code timeout}, with the last exception {@code condition} threw, if any, as its cause.
     */
    public static void until(String description, Duration timeout, Duration interval, Callable<Boolean> condition) {
        try {
            Awaitility.await(description).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(interval)
                    .pollInSameThread().ignoreExceptions().until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionFailedError(e.getMessage(), e.getCause());
        }
    }
}
