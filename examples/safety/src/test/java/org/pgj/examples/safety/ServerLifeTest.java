package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgj.test.IsolatedServer;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * What ends a whole server, on a server of its own: a fast shutdown finishes while Java runs
 * code that never checks, the death of the postmaster ends such a backend, and a fatal error of
 * the JVM is a crash that the postmaster sees and recovers from by reinitialising.
 */
class ServerLifeTest {
    private static final Pattern REPORT = Pattern.compile("pgj: the JVM of backend (\\d+) hit a fatal error; its report is in (\\S+);");

    private final IsolatedServer server = IsolatedServer.get();

    @AfterEach
    void serverRunsAgain() {
        server.start();
    }

    @Test
    void fastShutdownFinishesWhileJavaSpins() throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Victim victim = Victim.of(server).runs("select swallow_interrupts()")) {
            long start = System.nanoTime();
            server.stop();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("a fast shutdown with Java spinning took %d ms%n", millis);
            SQLException e = victim.outcome();
            assertNotNull(e);
            assertEquals("57P01", e.getSQLState(), e.getMessage());
            victim.awaitExit();
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void postmasterDeathEndsTheBackend() throws Exception {
        try (Victim victim = Victim.of(server).runs("select spin_forever()")) {
            server.postmaster().destroyForcibly();
            long start = System.nanoTime();
            victim.awaitExit();
            System.out.printf("the backend ended %d ms after its postmaster was killed%n", (System.nanoTime() - start) / 1_000_000);
            SQLException e = victim.outcome();
            assertNotNull(e);
            contains(String.valueOf(e.getMessage()), "postmaster exit");
        }
        // The next start would fail while an orphaned backend still held the shared memory.
    }

    @ParameterizedTest
    @ValueSource(strings = {"write_address_zero_with_unsafe", "write_address_zero_with_ffm"})
    void aFatalJvmErrorIsACrash(String function) throws Exception {
        // Test servers run with synchronous_commit off: without a checkpoint, the crash's
        // reinitialisation can drop the extension's just-committed creation with the WAL buffers.
        try (Connection c = server.connect()) {
            Sql.run(c, "checkpoint");
        }
        ServerLog.Mark mark = ServerLog.mark(server);
        Connection crashing = Victim.ordinaryUser(server);
        SQLException lost = assertThrows(SQLException.class, () -> one(crashing, "select " + function + "()"));
        assertTrue(lost.getSQLState().startsWith("08"), "the connection is lost: " + lost);
        crashing.close();
        Poll.until("the postmaster to reinitialise", Duration.ofSeconds(60), Duration.ofMillis(50),
                () -> ServerLog.linesSince(server, mark).stream().anyMatch(l -> l.contains("all server processes terminated; reinitializing")));
        List<String> log = ServerLog.linesSince(server, mark);
        assertTrue(log.stream().anyMatch(l -> l.contains("was terminated by signal 6")), String.join("\n", log));
        Matcher report = log.stream().map(REPORT::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("the log names the JVM's report:\n" + String.join("\n", log)));
        Path file = Path.of(report.group(2));
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertTrue(file.getFileName().toString().equals("pgj_hs_err_pid" + report.group(1) + ".log"), file.toString());
        assertTrue(Files.readString(file, StandardCharsets.ISO_8859_1).contains("SIGSEGV"), "the report tells what happened");
        Poll.until("the server to accept connections again", Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
            try (Connection c = server.connect()) {
                return Integer.valueOf(1).equals(one(c, "select 1"));
            } catch (SQLException notYet) {
                return false;
            }
        });
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "select sum_ints(10)"), "Java works again in new backends");
        }
    }
}
