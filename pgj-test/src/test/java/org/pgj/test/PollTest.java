package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The choices Poll fixes on top of Awaitility. */
class PollTest {
    private static final Duration TICK = Duration.ofMillis(1);

    @Test
    void returnsOnceTheConditionHoldsCheckingOnTheTestsThread() {
        AtomicInteger calls = new AtomicInteger();
        Thread test = Thread.currentThread();
        assertDoesNotThrow(() -> Poll.until(Duration.ofSeconds(5), TICK, () -> {
            assertEquals(test, Thread.currentThread());
            return calls.incrementAndGet() == 3;
        }));
        assertEquals(3, calls.get());
    }

    @Test
    void exceptionsCountAsNotYet() {
        AtomicInteger calls = new AtomicInteger();
        Poll.until(Duration.ofSeconds(5), TICK, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("relation does not exist yet", "42P01");
            }
            return true;
        });
        assertEquals(3, calls.get());
    }

    @Test
    void timesOutAsAnAssertionWithTheDescriptionAndTheLastException() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Poll.until("the worker's row", Duration.ofMillis(30), Duration.ofMillis(5), () -> {
                    throw new SQLException("no row", "02000");
                }));
        assertTrue(e.getMessage().contains("the worker's row"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    @Test
    void aFalseConditionTimesOutWithoutACause() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Poll.until(Duration.ofMillis(20), TICK, () -> false));
        assertTrue(e.getMessage().contains("the condition"), e.getMessage());
    }
}
