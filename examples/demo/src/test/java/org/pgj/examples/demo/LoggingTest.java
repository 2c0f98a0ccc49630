package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/** Every elog level reaches the client and the log as PostgreSQL's own messages do. */
@PgjTest
class LoggingTest {

    static List<String> warnings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                out.add(w.getSQLState() + " " + w.getMessage());
            }
        }
        return out;
    }

    @Test
    void levelsFollowClientMinMessages(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set client_min_messages = debug5");
        }
        for (String level : List.of("debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning")) {
            List<String> got = warnings(c, "select log_at('" + level + "', 'at " + level + "')");
            assertTrue(got.stream().anyMatch(w -> w.endsWith("at " + level)), level + ": " + got);
        }
        try (Statement s = c.createStatement()) {
            s.execute("set client_min_messages = notice");
        }
        assertEquals(List.of(), warnings(c, "select log_at('debug1', 'hidden')"), "below client_min_messages");
        assertEquals(List.of("01000 shown"), warnings(c, "select log_at('warning', 'shown')"));
    }

    @Test
    void javaLoggingAndStdStreamsReachTheServerLog(Connection c, PgServer server) throws Exception {
        String marker = "marker-" + System.nanoTime();
        List<String> client = warnings(c, "select log_everywhere('" + marker + "')");
        assertTrue(client.stream().anyMatch(w -> w.contains("jul " + marker)), "JUL WARNING reaches the client: " + client);
        Poll.until(java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(100), () -> {
            String log = String.join("\n", server.lastLogLines(200));
            return log.contains("jul " + marker) && log.contains("system " + marker) && log.contains("demo.slf4j: slf4j " + marker)
                    && log.contains("stdout: out " + marker) && log.contains("stderr: err " + marker);
        });
    }

    /** Each API's debug level: off at the default thresholds, on for the client or the log as SET says. */
    @ParameterizedTest
    @CsvSource({"jul, fine", "system, debug", "slf4j, debug"})
    void debugFollowsTheServersThresholds(String api, String level, PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "set client_min_messages = notice", "set log_min_messages = warning");
            ServerLog.Mark mark = ServerLog.mark(server);
            String hidden = api + "-hidden-" + System.nanoTime();
            List<String> client = warnings(c, "select log_with('" + api + "', '" + level + "', '" + hidden + "')");
            assertEquals(List.of(), client, "a debug record is written nowhere at the default thresholds");
            assertEquals(false, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"), "isLoggable says so too");

            Sql.exec(c, "set client_min_messages = debug2");
            String toClient = api + "-client-" + System.nanoTime();
            client = warnings(c, "select log_with('" + api + "', '" + level + "', '" + toClient + "')");
            assertTrue(client.stream().anyMatch(w -> w.endsWith("demo." + api + ": " + toClient)), client.toString());
            assertEquals(true, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"));

            Sql.exec(c, "set client_min_messages = notice", "set log_min_messages = debug2");
            String toLog = api + "-log-" + System.nanoTime();
            assertEquals(List.of(), warnings(c, "select log_with('" + api + "', '" + level + "', '" + toLog + "')"));
            Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> ServerLog.linesSince(server, mark).stream().anyMatch(l -> l.contains("DEBUG:  demo." + api + ": " + toLog)));
            assertEquals(true, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"), "on for the log");
            assertTrue(ServerLog.linesSince(server, mark).stream().noneMatch(l -> l.contains(hidden)), "hidden stays hidden");

            Sql.exec(c, "reset log_min_messages");
            assertEquals(false, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"), "off again after RESET");
            Sql.exec(c, "begin", "set local client_min_messages = debug5");
            assertEquals(true, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"), "SET LOCAL");
            Sql.exec(c, "commit");
            assertEquals(false, Sql.one(c, "select log_with('" + api + "', '" + level + "', 'x')"), "off after the transaction");
            ServerLog.assertNoCrashSince(server, mark);
        }
    }

    @ParameterizedTest
    @CsvSource({"jul, severe, WARNING", "jul, info, LOG", "system, error, WARNING", "system, info, LOG",
        "slf4j, error, WARNING", "slf4j, warn, WARNING", "slf4j, info, LOG"})
    void levelsMapToTheServers(String api, String level, String serverLevel, PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            ServerLog.Mark mark = ServerLog.mark(server);
            String message = api + "-" + level + "-" + System.nanoTime();
            assertEquals(true, Sql.one(c, "select log_with('" + api + "', '" + level + "', '" + message + "')"));
            Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> ServerLog.linesSince(server, mark).stream()
                    .anyMatch(l -> l.contains(serverLevel + ":  demo." + api + ": " + message)));
        }
    }

    @Test
    void otherThreadsLinesReachTheLogAtTheTransactionsEnd(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            ServerLog.Mark mark = ServerLog.mark(server);
            String marker = "thread-" + System.nanoTime();
            Sql.exec(c, "select log_from_thread('" + marker + "', 3)");
            Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
                List<String> log = ServerLog.linesSince(server, mark);
                return java.util.stream.IntStream.rangeClosed(1, 3).allMatch(i -> log.stream()
                        .anyMatch(l -> l.contains("WARNING:  [demo-logger] demo.slf4j: " + marker + " " + i)));
            });
            assertEquals(1, Sql.one(c, "select 1"));
        }
    }

    @Test
    void aFloodFromAnotherThreadIsCappedAndCounted(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "set client_min_messages = error");
            ServerLog.Mark mark = ServerLog.mark(server);
            String marker = "flood-" + System.nanoTime();
            Sql.exec(c, "select log_from_thread('" + marker + "', 10050)");
            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200), () -> ServerLog.linesSince(server, mark).stream()
                    .anyMatch(l -> l.contains("pgj dropped 50 log lines of other threads: more than 10000 waited")));
            List<String> log = ServerLog.linesSince(server, mark);
            assertTrue(log.stream().anyMatch(l -> l.endsWith(marker + " 10000")), "the first 10000 are kept");
            assertTrue(log.stream().noneMatch(l -> l.endsWith(marker + " 10001")), "later ones are dropped");
            assertEquals(1, Sql.one(c, "select 1"));
            ServerLog.assertNoCrashSince(server, mark);
        }
    }

    @Test
    void badInputIsAClearErrorAndTheSessionGoesOn(Connection c) throws SQLException {
        Sql.contains(Sql.fails(c, "select log_with('log4j', 'info', 'x')", "22023").getMessage(),
                "no logging API log4j: use jul, system or slf4j");
        Sql.fails(c, "select log_with('slf4j', 'loud', 'x')", "22023");
        assertEquals(null, Sql.one(c, "select log_with('slf4j', 'warn', null)"), "a strict function: NULL in, NULL out");
        assertEquals(1, Sql.one(c, "select 1"));
    }

    @Test
    void anOrdinaryUserLogsThroughEveryApi(PgServer server) throws Exception {
        try (Connection admin = server.connect()) {
            Sql.exec(admin, "do $$ begin create role pgj_logging_user login; exception when duplicate_object then null; end $$",
                    "grant usage on schema public to pgj_logging_user");
        }
        try (Connection c = server.connectAs("pgj_logging_user")) {
            for (String api : List.of("jul", "system", "slf4j")) {
                String level = api.equals("slf4j") ? "warn" : api.equals("jul") ? "warning" : "warning";
                List<String> got = warnings(c, "select log_with('" + api + "', '" + level + "', 'é " + api + "')");
                assertTrue(got.contains("01000 demo." + api + ": é " + api), got.toString());
            }
            assertEquals(1, Sql.one(c, "select 1"));
        }
    }

    @Test
    void aTimeoutStopsCodeThatOnlyLogs(PgServer server) throws Exception {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            Sql.exec(c, "set client_min_messages = notice", "set statement_timeout = '300ms'");
            Sql.contains(Sql.fails(c, "select log_forever('busy')", "57014").getMessage(), "statement timeout");
            Sql.exec(c, "set statement_timeout = 0", "set client_min_messages = debug2");
            List<String> got = warnings(c, "select log_with('slf4j', 'debug', 'after the timeout')");
            assertTrue(got.stream().anyMatch(w -> w.endsWith("demo.slf4j: after the timeout")), got.toString());
            assertEquals(1, Sql.one(c, "select 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aLatin1DatabaseGetsTheLinesInItsEncoding(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "DROP DATABASE IF EXISTS pgj_logging_latin1",
                    "CREATE DATABASE pgj_logging_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = new org.postgresql.Driver().connect(server.jdbcUrl().replace("/" + server.database() + "?",
                "/pgj_logging_latin1?"), new java.util.Properties())) {
            Sql.exec(c, "CREATE EXTENSION demo");
            for (String api : List.of("jul", "system", "slf4j")) {
                String level = api.equals("slf4j") ? "warn" : "warning";
                List<String> got = warnings(c, "select log_with('" + api + "', '" + level + "', 'déjà " + api + "')");
                assertTrue(got.contains("01000 demo." + api + ": déjà " + api), got.toString());
            }
            String marker = "latin1-thread-" + System.nanoTime();
            Sql.exec(c, "select log_from_thread('" + marker + " à', 1)");
            Poll.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> ServerLog.linesSince(server, mark).stream()
                    .anyMatch(l -> l.contains(marker)));
            assertEquals(1, Sql.one(c, "select 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
