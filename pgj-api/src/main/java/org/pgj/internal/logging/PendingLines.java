package org.pgj.internal.logging;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.pgj.LogLevel;
import org.pgj.Pg;

/**
 * Log lines written by threads other than the backend's, kept until the backend thread logs or
 * its transaction ends. At most {@link #LIMIT} lines wait; later ones are dropped and counted,
 * and the count is logged with the lines that waited, so a chatty thread can neither grow the
 * backend's memory without bound nor lose lines silently.
 */
final class PendingLines {
    static final int LIMIT = 10_000;
    private static final ConcurrentLinkedQueue<Line> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger WAITING = new AtomicInteger();
    private static final AtomicLong DROPPED = new AtomicLong();

    private record Line(LogLevel level, String text) {
    }

    private PendingLines() {
    }

    static void add(LogLevel level, String line) {
        if (WAITING.incrementAndGet() > LIMIT) {
            WAITING.decrementAndGet();
            DROPPED.incrementAndGet();
            return;
        }
        LINES.add(new Line(level, "[" + Thread.currentThread().getName() + "] " + line));
    }

    static void drain() {
        Line next;
        while ((next = LINES.poll()) != null) {
            WAITING.decrementAndGet();
            Pg.log(next.level(), next.text());
        }
        long dropped = DROPPED.getAndSet(0);
        if (dropped > 0) {
            Pg.log(LogLevel.WARNING, "pgj dropped " + dropped + " log lines of other threads: more than " + LIMIT
                    + " waited for the backend thread");
        }
    }
}
