package org.pgj.examples.bgworker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.Sql;

/**
 * Workers waiting on their latch exit promptly when the postmaster dies (pgx's wait_latch
 * ignored postmaster death). The test kills the postmaster with SIGKILL, then starts the server
 * again for the tests after it.
 */
@PgjTest
class PostmasterDeathTest {

    /** Both kinds: one that left SIGTERM to PostgreSQL's default, one that attached it (pgx's way). */
    @Test
    void workersExitPromptlyWhenThePostmasterDies(PgServer server) throws Exception {
        List<ProcessHandle> workers = new ArrayList<>();
        try (Connection c = server.connect()) {
            for (String entry : List.of("recorder", "attached_recorder")) {
                String name = "pgj test " + entry + " 9";
                Sql.run(c, "DELETE FROM bgw_events WHERE worker = ?", name);
                int pid = (Integer) Sql.one(c, "SELECT start_worker(?, 9, -1, current_database())", entry);
                Poll.until(name + "'s 'started' event", Duration.ofSeconds(20), Duration.ofMillis(20), () -> (Long) Sql.one(c,
                        "SELECT count(*) FROM bgw_events WHERE worker = ? AND event = 'started'", name) == 1);
                workers.add(ProcessHandle.of(pid).orElseThrow());
            }
        }
        try {
            ProcessHandle postmaster = workers.get(0).parent().orElseThrow();
            List<ProcessHandle> children = postmaster.children().toList(); // orphans lose their parent
            postmaster.destroyForcibly();
            long start = System.nanoTime();
            Poll.until("the workers' exit after the postmaster died", Duration.ofSeconds(10), Duration.ofMillis(5),
                    () -> workers.stream().noneMatch(PostmasterDeathTest::running));
            System.out.printf("workers exited %.0f ms after the postmaster was killed%n", (System.nanoTime() - start) / 1e6);
            // pg_ctl takes an unreaped postmaster for a running one: wait until init has reaped them all.
            Poll.until("every server process's exit", Duration.ofSeconds(60), Duration.ofMillis(20),
                    () -> children.stream().noneMatch(ProcessHandle::isAlive) && !postmaster.isAlive());
        } finally {
            server.restart();
        }
        try (Connection c = server.connect()) {
            Sql.one(c, "SELECT 1");
        }
    }

    /** Alive and not a zombie: orphans wait for init to reap them, which here can take seconds. */
    private static boolean running(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
