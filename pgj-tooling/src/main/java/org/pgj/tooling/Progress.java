package org.pgj.tooling;

import java.util.function.Consumer;

/**
 * Where long-running tooling reports what it is doing. Steps that can take seconds
 * (native build, initdb, server start) report before and after, so a silent pause is never
 * mistaken for a hang.
 */
@FunctionalInterface
public interface Progress {
    void step(String message);

    /** Prints {@code [pgj +12.3s] message} to standard output, timed from this call. */
    static Progress console() {
        return to(System.out::println);
    }

    /** The console format, sent to any line sink (for example Maven's log). */
    static Progress to(Consumer<String> sink) {
        long start = System.nanoTime();
        return message -> sink.accept(
                String.format(java.util.Locale.ROOT, "[pgj +%.1fs] %s", (System.nanoTime() - start) / 1e9, message));
    }

    /** Discards everything; for callers that only care about the result. */
    static Progress silent() {
        return message -> { };
    }
}
