package org.pgj.tooling.progress;

import java.util.function.Consumer;

/**
 * Where long-running tooling reports what it is doing. Steps that can take seconds
 * (native build, initdb, server start, Maven) use {@link #begin}, which reports before, every few
 * seconds while the step runs, and after, so a silent pause is never mistaken for a hang.
 */
@FunctionalInterface
public interface Progress {
    void step(String message);

    /**
     * Starts a long step: reports {@code what ...} now, {@code still what (12s)} every few seconds
     * until the step is closed, and the closing message with the time the step took.
     */
    default ProgressStep begin(String what) {
        return ProgressStep.start(this, what, ProgressStep.HEARTBEAT);
    }

    /** Prints {@code [pgj +12.3s] message} to standard output, timed from this call. */
    static Progress console() {
        return to(System.out::println);
    }

    /** The console format, sent to any line sink (for example Maven's log or standard error). */
    static Progress to(Consumer<String> sink) {
        return to(sink, ProgressClock.SYSTEM);
    }

    /** As {@link #to(Consumer)}, timed by {@code clock}. */
    static Progress to(Consumer<String> sink, ProgressClock clock) {
        long start = clock.nanoTime();
        return message -> sink.accept(
                String.format(java.util.Locale.ROOT, "[pgj +%.1fs] %s", (clock.nanoTime() - start) / 1e9, message));
    }

    /** Discards everything; for callers that only care about the result. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void step(String message) {
            }

            @Override
            public ProgressStep begin(String what) {
                return ProgressStep.start(this, what, null);
            }
        };
    }
}
