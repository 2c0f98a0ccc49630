package org.pgj.test;

import java.util.List;

/** Checks on the test server's log. */
public final class ServerLog {
    private ServerLog() {
    }

    /**
     * Fails if the last {@code lines} of the log show a crash: a process killed by a signal,
     * which makes the postmaster restart every session.
     */
    public static void assertNoCrash(PgServer server, int lines) {
        List<String> log = server.lastLogLines(lines);
        if (log.stream().anyMatch(l -> l.contains("terminated by signal") || l.contains("all server processes"))) {
            throw new AssertionError("the server log shows a crash:\n" + String.join("\n", log));
        }
    }
}
