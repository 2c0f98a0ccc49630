package org.pgj.tooling.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines, timed by a clock the test moves: nothing depends on how fast the machine is. */
class ProgressTest {
    /** A clock that moves only when told to, and beats only when ticked. */
    private static final class ManualClock implements ProgressClock {
        long now = 1_000_000_000L;
        Duration interval;
        Runnable beat;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public Runnable every(Duration interval, Runnable beat) {
            this.interval = interval;
            this.beat = beat;
            return () -> this.beat = null;
        }

        /** Moves on by one heartbeat interval and beats, if the heartbeat still runs. */
        void tick() {
            now += interval.toNanos();
            if (beat != null) {
                beat.run();
            }
        }
    }

    @Test
    void prefixesElapsedSeconds() {
        List<String> lines = new ArrayList<>();
        ManualClock clock = new ManualClock();
        Progress p = Progress.to(lines::add, clock);
        p.step("building pgj.so");
        clock.now += Duration.ofMillis(12_345).toNanos();
        p.step("built pgj.so");
        assertEquals(List.of("[pgj +0.0s] building pgj.so", "[pgj +12.3s] built pgj.so"), lines);
    }

    @Test
    void longStepsReportWhileTheyRunAndHowLongTheyTook() {
        List<String> lines = new ArrayList<>();
        ManualClock clock = new ManualClock();
        try (ProgressStep step = ProgressStep.start(lines::add, "building pgj.so", Duration.ofSeconds(5), clock)) {
            assertEquals(Duration.ofSeconds(5), clock.interval);
            clock.tick();
            clock.tick();
            clock.now += Duration.ofMillis(1_400).toNanos();
            step.done("built pgj.so");
        }
        assertNull(clock.beat, "the heartbeat stops with the step");
        assertEquals(List.of("building pgj.so ...", "still building pgj.so (5.0s)", "still building pgj.so (10.0s)",
                "built pgj.so in 11.4s"), lines);
    }

    /** A beat that comes after the step ended (it raced with done) writes nothing. */
    @Test
    void noHeartbeatAfterTheStepEnded() {
        List<String> lines = new ArrayList<>();
        ManualClock clock = new ManualClock();
        ProgressStep step = ProgressStep.start(lines::add, "initdb", Duration.ofSeconds(5), clock);
        Runnable late = clock.beat;
        step.done("initdb finished");
        late.run();
        step.close();
        assertEquals(List.of("initdb ...", "initdb finished in 0.0s"), lines);
    }

    /** A step closed without done (it failed) stops its heartbeat and says nothing more. */
    @Test
    void aFailedStepFallsSilent() {
        List<String> lines = new ArrayList<>();
        ManualClock clock = new ManualClock();
        try (ProgressStep step = ProgressStep.start(lines::add, "starting the server", Duration.ofSeconds(5), clock)) {
            clock.tick();
        }
        assertNull(clock.beat);
        assertEquals(List.of("starting the server ...", "still starting the server (5.0s)"), lines);
    }
}
