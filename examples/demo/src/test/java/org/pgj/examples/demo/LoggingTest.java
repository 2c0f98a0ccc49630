package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;

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
            return log.contains("jul " + marker) && log.contains("system " + marker)
                    && log.contains("stdout: out " + marker) && log.contains("stderr: err " + marker);
        });
    }
}
