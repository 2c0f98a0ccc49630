package org.pgj.test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks on the test server's log. */
public final class ServerLog {
    /**
     * What the postmaster logs when a process ends in a way it treats as a crash, after which it
     * ends every session and reinitialises shared memory.
     */
    private static final List<String> CRASH_LINES = List.of("terminated by signal",
            "terminating any other active server processes", "all server processes terminated");

    private ServerLog() {
    }

    /** A position in the log: {@link #linesSince} and {@link #assertNoCrashSince} read from there. */
    public record Mark(long offset) {
    }

    /** The log's end now. */
    public static Mark mark(PgServer server) {
        return mark(server.logFile());
    }

    static Mark mark(Path log) {
        try {
            return new Mark(Files.isRegularFile(log) ? Files.size(log) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written since {@code mark}. */
    public static List<String> linesSince(PgServer server, Mark mark) {
        return linesSince(server.logFile(), mark);
    }

    static List<String> linesSince(Path log, Mark mark) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark.offset())];
            file.seek(Math.min(mark.offset(), length));
            file.readFully(bytes);
            // Lenient decoding: a backend may log bytes that are not UTF-8.
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code line} is one of the postmaster's crash lines. */
    public static boolean isCrashLine(String line) {
        return CRASH_LINES.stream().anyMatch(line::contains)
                || line.contains("server process") && line.contains("exited with exit code");
    }

    /**
     * Fails if the last {@code lines} of the log show a crash: a process killed by a signal,
     * which makes the postmaster restart every session.
     */
    public static void assertNoCrash(PgServer server, int lines) {
        assertNoCrash(server.lastLogLines(lines));
    }

    /** Fails if the log shows a crash since {@code mark}. */
    public static void assertNoCrashSince(PgServer server, Mark mark) {
        assertNoCrash(linesSince(server, mark));
    }

    static void assertNoCrash(List<String> log) {
        if (log.stream().anyMatch(ServerLog::isCrashLine)) {
            throw new AssertionError("the server log shows a crash:\n" + String.join("\n", log));
        }
    }
}
