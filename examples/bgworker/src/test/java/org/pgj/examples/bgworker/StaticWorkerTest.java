package org.pgj.examples.bgworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * pgx's bgworker example, ported: with shared_preload_libraries = 'pgj' the server starts the
 * declared worker, which logs its argument and extra and runs an SPI query every naptime; a
 * shutdown stops it cleanly.
 */
@PgjTest
class StaticWorkerTest {
    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void declaredWorkerStartsWithTheServerAndStopsWithIt(PgServer server) throws Exception {
        server.setConfig("bgworker.naptime", "1");
        server.setConfig("shared_preload_libraries", "pgj");
        ServerLog.Mark mark = ServerLog.mark(server);
        server.restart();
        Callable<List<String>> log = () -> ServerLog.linesSince(server, mark);
        ServerLog.Mark shutdown;
        try (Connection c = server.connect()) {
            Poll.until("the static worker in pg_stat_activity", WAIT, Duration.ofMillis(50), () -> (Long) Sql.one(c,
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'Background Worker Example'") == 1);
            Poll.until("the worker's greeting and SPI rows in the log", WAIT, Duration.ofMillis(100), () -> {
                List<String> lines = log.call();
                return lines.stream().anyMatch(l -> l.contains("Hello from inside the Background Worker Example BGWorker!"
                        + "  Argument value=42, extra=Hello from the manifest"))
                        && lines.stream().anyMatch(l -> l.contains("from bgworker: (Hi, 10, (10,42))"));
            });
            Poll.until("the worker declared with load()", WAIT, Duration.ofMillis(100), () -> log.call()
                    .stream().anyMatch(l -> l.contains("Hello from inside the Background Worker Example (builder) BGWorker!"
                            + "  Argument value=7, extra=Hello from load()")));
            assertEquals(1L, Sql.one(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pgj builder example'"));
            Poll.until("both counted workers after their start-up callback", WAIT, Duration.ofMillis(100), () -> log.call()
                    .stream().filter(l -> l.matches(".*bgworker: pgj counted worker [12] runs after the start-up.*"))
                    .count() == 2);
            List<String> lines = log.call();
            assertEquals(1, lines.stream().filter(l -> l.contains("bgworker: shared-memory start-up ran in pgj counted worker")).count(),
                    () -> String.join("\n", lines));
            int startup = indexOf(lines, "shared-memory start-up ran");
            assertTrue(startup >= 0 && startup < indexOf(lines, "runs after the start-up"), () -> String.join("\n", lines));
            assertEquals("postgres", Sql.one(c,
                    "SELECT datname FROM pg_stat_activity WHERE backend_type = 'Background Worker Example'"));
        } finally {
            server.setConfig("shared_preload_libraries", "");
            server.setConfig("bgworker.naptime", "10");
            shutdown = ServerLog.mark(server);
            server.restart();
        }
        List<String> atShutdown = ServerLog.linesSince(server, shutdown);
        // The workers that attached SIGTERM say goodbye; the counted ones, which did not, are terminated.
        assertEquals(2, atShutdown.stream().filter(l -> l.contains("Goodbye from inside the Background Worker Example")).count(),
                () -> String.join("\n", atShutdown));
        assertEquals(2, atShutdown.stream()
                .filter(l -> l.contains("FATAL:  terminating background worker \"pgj counted worker\" due to administrator command"))
                .count(), () -> String.join("\n", atShutdown));
        ServerLog.assertNoCrashSince(server, mark);
    }
}
