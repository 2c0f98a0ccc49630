package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/** @PgEventTrigger (DdlAudit): ddl_command_start, ddl_command_end, sql_drop and table_rewrite, with what each command did. */
@PgjTest
class EventTriggersTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    private static List<Object> notes(Connection c) throws SQLException {
        return Arrays.asList((Object[]) ((Array) one(c, "SELECT ddl_notes()")).getArray());
    }

    @Test
    void theExtensionCreatesItsEventTriggers(Connection c) throws SQLException {
        assertEquals(List.of("ddl_ends ddl_command_end", "ddl_starts ddl_command_start", "dropped sql_drop",
                "table_rewritten table_rewrite"), org.pgj.test.Sql.column(c, "SELECT evtname || ' ' || evtevent"
                        + " FROM pg_event_trigger ORDER BY evtname"));
        assertEquals("{\"CREATE TABLE\",\"DROP TABLE\",\"ALTER TABLE\"}",
                one(c, "SELECT evttags::text FROM pg_event_trigger WHERE evtname = 'ddl_starts'"));
        assertEquals(4L, one(c, "SELECT count(*) FROM pg_depend WHERE classid = 'pg_event_trigger'::regclass"
                + " AND refclassid = 'pg_extension'::regclass AND deptype = 'e'"), "members of the extension");
    }

    @Test
    void eachEventSeesWhatTheCommandDid(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            notes(c);
            exec(c, "CREATE TABLE ev_a(id int PRIMARY KEY, v text)");
            assertEquals(List.of("start CREATE TABLE", "end CREATE TABLE table public.ev_a",
                    "end CREATE INDEX index public.ev_a_pkey"), notes(c));
            exec(c, "ALTER TABLE ev_a ALTER COLUMN v TYPE varchar(20)");
            List<Object> altered = notes(c);
            assertEquals("start ALTER TABLE", altered.getFirst());
            assertTrue(altered.contains("rewrite public.ev_a reason 4"), altered.toString());
            assertTrue(altered.contains("end ALTER TABLE table public.ev_a"), altered.toString());
            exec(c, "CREATE VIEW ev_v AS SELECT 1 AS one", "DROP VIEW ev_v");
            assertEquals(List.of("end CREATE VIEW view public.ev_v", "dropped view public.ev_v"), notes(c),
                    "the start trigger fires only for its tags");
            exec(c, "DROP TABLE ev_a");
            assertEquals(List.of("start DROP TABLE", "dropped table public.ev_a"), notes(c));
        }
    }

    @Test
    void aTriggerThatThrowsMakesTheCommandFail(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            exec(c, "CREATE TABLE kept_log(x int)");
            assertTrue(fails(c, "DROP TABLE kept_log", "42501").getMessage().contains("table public.kept_log is kept"));
            assertNotNull(one(c, "SELECT to_regclass('kept_log')"), "the drop was rolled back");
            exec(c, "ALTER EVENT TRIGGER dropped DISABLE", "DROP TABLE kept_log", "ALTER EVENT TRIGGER dropped ENABLE");
        }
    }

    @Test
    void anEventTriggerFunctionCannotBeCalledDirectly(Connection c) throws SQLException {
        fails(c, "SELECT ddl_starts()", "0A000");
        assertEquals(1, one(c, "SELECT 1"));
    }

    @Test
    void aCancelStopsATriggerAndTheCommand(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            exec(c, "SET hooks.hold_ddl = on");
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "CREATE TABLE ev_held(x int)", WIDE));
            exec(c, "RESET hooks.hold_ddl");
            assertEquals(null, one(c, "SELECT to_regclass('ev_held')"));
            assertEquals(1, one(c, "SELECT 1"));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_events_latin1", "LATIN1", "hooks");
             Connection c = latin1.connectAsOrdinaryUser()) {
            notes(c);
            exec(c, "CREATE TABLE caf\u00e9(x int)", "DROP TABLE caf\u00e9");
            assertEquals(List.of("start CREATE TABLE", "end CREATE TABLE table public.\"caf\u00e9\"",
                    "start DROP TABLE", "dropped table public.\"caf\u00e9\""), notes(c));
        }
    }
}
