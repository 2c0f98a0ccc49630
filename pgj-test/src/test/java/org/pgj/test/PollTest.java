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

class PollTest {
    private static final Duration TICK = Duration.ofMillis(1);

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();
        assertDoesNotThrow(() -> Poll.until(Duration.ofSeconds(5), TICK, () -> calls.incrementAndGet() == 3));
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
    void timesOutWithTheDescriptionAndTheLastException() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Poll.until("the worker's row", Duration.ofMillis(30), Duration.ofMillis(5), () -> {
                    throw new SQLException("no row", "02000");
                }));
        assertTrue(e.getMessage().startsWith("the worker's row was not met within 30 ms"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    @Test
    void checksOnceEvenWithAZeroTimeout() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(AssertionFailedError.class, () -> Poll.until(Duration.ZERO, TICK, () -> calls.incrementAndGet() < 0));
        assertEquals(1, calls.get());
    }

    @Test
    void refusesNonsenseDurations() {
        assertThrows(IllegalArgumentException.class, () -> Poll.until(Duration.ofSeconds(1), Duration.ZERO, () -> true));
        assertThrows(IllegalArgumentException.class, () -> Poll.until(Duration.ofSeconds(-1), TICK, () -> true));
    }
}
