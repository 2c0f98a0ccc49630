package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/** QueryHooks.emitLog (StatementAudit): log entries read, changed, suppressed, and a hook that logs without recursing. */
@PgjTest
class EmitLogHookTest {
    /** The warning a statement sent the client, or null. */
    private static String warningOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            SQLWarning w = s.getWarnings();
            return w == null ? null : w.getMessage();
        }
    }

    @Test
    void aHookChangesAndSuppressesEntries(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            one(c, "SELECT executor_starts()"); // Java runs in this backend
            assertEquals("[audited 01000] audit-me please",
                    warningOf(c, "DO $$ BEGIN RAISE WARNING 'audit-me please'; END $$"));
            assertNull(warningOf(c, "DO $$ BEGIN RAISE WARNING 'pgj-secret 42'; END $$"), "suppressed for the client");
            exec(c, "DO $$ BEGIN RAISE LOG 'pgj-secret 43'; RAISE LOG 'plain entry 44'; END $$");
            assertEquals(1, one(c, "SELECT 1"));
        }
        List<String> lines = ServerLog.linesSince(server, mark);
        assertTrue(lines.stream().anyMatch(l -> l.contains("[audited 01000] audit-me please")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("plain entry 44")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("pgj-secret") && !l.contains("STATEMENT:")),
                "suppressed in the server log (a later entry's STATEMENT line quotes the SQL): " + lines);
    }

    @Test
    void whatAHookLogsComesBackUnhooked(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            one(c, "SELECT executor_starts()");
            exec(c, "DO $$ BEGIN RAISE WARNING 'echo-me once'; END $$");
            assertEquals(1, one(c, "SELECT 1"));
        }
        List<String> lines = ServerLog.linesSince(server, mark);
        assertEquals(1, lines.stream().filter(l -> l.contains("echo of: echo-me once")).count(), lines.toString());
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_emitlog_latin1", "LATIN1", "hooks");
             Connection c = latin1.connectAsOrdinaryUser()) {
            one(c, "SELECT executor_starts()");
            assertEquals("[audited 01000] audit-me caf\u00e9",
                    warningOf(c, "DO $$ BEGIN RAISE WARNING 'audit-me caf\u00e9'; END $$"));
        }
    }
}
