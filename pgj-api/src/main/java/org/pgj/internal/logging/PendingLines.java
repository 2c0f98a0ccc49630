package org.pgj.internal.logging;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.pgj.LogLevel;
import org.pgj.Pg;

/** Log lines written by threads other than the backend's, kept until the backend thread logs. */
final class PendingLines {
    private static final int LIMIT = 10_000;
    private static final ConcurrentLinkedQueue<Object[]> LINES = new ConcurrentLinkedQueue<>();

    private PendingLines() {
    }

    static void add(LogLevel level, String line) {
        if (LINES.size() < LIMIT) {
            LINES.add(new Object[] {level, "[" + Thread.currentThread().getName() + "] " + line});
        }
    }

    static void drain() {
        Object[] next;
        while ((next = LINES.poll()) != null) {
            Pg.log((LogLevel) next[0], (String) next[1]);
        }
    }
}
