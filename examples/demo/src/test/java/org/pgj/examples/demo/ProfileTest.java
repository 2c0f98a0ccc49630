package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.pgj.tooling.profile.FlameGraph;
import org.postgresql.util.PSQLException;

/**
 * pgj.profile (what pgj profile sets): the session's JVM records a JFR profile, written at each
 * transaction's end, whose flame graph names the hot method of a CPU-heavy function.
 */
@PgjTest
class ProfileTest {

    private static Path recordingIn(Connection c) throws Exception {
        return Path.of((String) Sql.one(c, "show data_directory"), "pgj_profiles", "profile-test-" + System.nanoTime() + ".jfr");
    }

    @Test
    void theFlameGraphNamesTheHotMethod(PgServer server, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        Path recording;
        try (Connection c = server.connect()) {
            recording = recordingIn(c);
            Sql.exec(c, "set pgj.profile = '" + recording + "'");
            assertEquals(348_513, Sql.one(c, "select count_primes(5000000)"));
            assertTrue(Files.isRegularFile(recording), "written when the statement's transaction ended");
            long hot = 0;
            long all = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    List<RecordedFrame> frames = e.getStackTrace().getFrames();
                    all++;
                    if (!frames.isEmpty() && frames.get(0).getMethod().getName().equals("trialDivision")) {
                        hot++;
                    }
                }
            }
            assertTrue(hot > 0 && hot * 2 > all, "trialDivision is the top frame of most samples: " + hot + " of " + all);
            assertEquals(1, Sql.one(c, "select 1"));
        }
        Path html = dir.resolve("profile.html");
        FlameGraph.render(recording, html, "count_primes");
        String page = Files.readString(html);
        assertTrue(page.contains("trialDivision"), "the flame graph names the hot method");
        assertTrue(page.contains("countPrimes"), "and its caller");
        Files.delete(recording);
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aSessionWithoutTheSettingRecordsNothing(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Path recording = recordingIn(c);
            assertEquals(25, Sql.one(c, "select count_primes(100)"));
            Sql.exec(c, "set pgj.profile = '" + recording + "'");
            assertEquals(25, Sql.one(c, "select count_primes(100)"));
            assertFalse(Files.exists(recording), "read when the session's JVM starts, not later");
        }
    }

    @Test
    void onlyASuperuserProfiles(PgServer server) throws Exception {
        try (Connection admin = server.connect()) {
            Sql.exec(admin, "do $$ begin create role pgj_profile_user login; exception when duplicate_object then null; end $$");
        }
        try (Connection plain = server.connectAs("pgj_profile_user")) {
            assertEquals(25, Sql.one(plain, "select count_primes(100)"));
            PSQLException e = Sql.fails(plain, "set pgj.profile = '/tmp/x.jfr'", "42501");
            Sql.contains(e.getMessage(), "pgj.profile");
            assertEquals(1, Sql.one(plain, "select 1"));
        }
    }

    @Test
    void anUnwritableFileIsAWarningAndTheSessionGoesOn(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            Sql.exec(c, "set pgj.profile = '/proc/pgj-cannot-write/profile.jfr'");
            assertEquals(25, Sql.one(c, "select count_primes(100)"));
            assertEquals(25, Sql.one(c, "select count_primes(100)"));
            assertEquals(1, Sql.one(c, "select 1"));
        }
        org.pgj.test.Poll.until(java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(100), () -> ServerLog
                .linesSince(server, mark).stream().anyMatch(l -> l.contains("cannot write the profile /proc/pgj-cannot-write/profile.jfr")));
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aTimedOutStatementIsRecordedToo(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            Path recording = recordingIn(c);
            Sql.exec(c, "set pgj.profile = '" + recording + "'");
            assertEquals(25, Sql.one(c, "select count_primes(100)"), "the JVM starts, and with it the recording");
            Files.delete(recording);
            Sql.exec(c, "set statement_timeout = '500ms'");
            Sql.fails(c, "select count_primes(2000000000)", "57014");
            assertTrue(Files.isRegularFile(recording), "written when the aborted transaction ended");
            boolean sampled = RecordingFile.readAllEvents(recording).stream().anyMatch(e -> e.getEventType().getName()
                    .equals("jdk.ExecutionSample") && e.getStackTrace() != null && e.getStackTrace().getFrames().stream()
                    .anyMatch(f -> f.getMethod().getName().equals("trialDivision")));
            assertTrue(sampled, "the samples up to the timeout");
            Sql.exec(c, "set statement_timeout = 0");
            assertEquals(25, Sql.one(c, "select count_primes(100)"));
            Files.delete(recording);
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
