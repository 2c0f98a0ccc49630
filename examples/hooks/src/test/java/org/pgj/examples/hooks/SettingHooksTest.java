package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Check, assign and show hooks of @GucSettings methods (AuditSettings), run by the server's own SET and SHOW. */
@PgjTest
class SettingHooksTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    /** A session where pgj is loaded, so the settings are defined, and the assignments so far forgotten. */
    private static Connection session(Connection c) throws SQLException {
        assignments(c);
        return c;
    }

    private static List<Object> assignments(Connection c) throws SQLException {
        return Arrays.asList((Object[]) ((Array) one(c, "SELECT setting_assignments()")).getArray());
    }

    private static ServerErrorMessage refused(Connection c, String sql, String detail) throws SQLException {
        PSQLException e = fails(c, sql, "22023");
        ServerErrorMessage m = e.getServerErrorMessage();
        assertTrue(m.getMessage().startsWith("invalid value for parameter"), m.getMessage());
        assertEquals(detail, m.getDetail());
        return m;
    }

    @Test
    void aCheckThatRefusesGivesTheServers22023WithItsMessageAsDetail(PgServer server) throws SQLException {
        try (Connection c = session(server.connect())) {
            ServerErrorMessage m = refused(c, "SET hooks.table_prefix = 'Audit-'",
                    "a table prefix is lower-case letters, digits and _, not \"Audit-\"");
            assertEquals("invalid value for parameter \"hooks.table_prefix\": \"Audit-\"", m.getMessage());
            assertEquals("audit_*", one(c, "SHOW hooks.table_prefix"), "the value stays");
            refused(c, "SELECT set_config('hooks.table_prefix', '1x', false)",
                    "a table prefix is lower-case letters, digits and _, not \"1x\"");
            refused(c, "SET hooks.sample_every = 3", "3 is not a power of two");
            refused(c, "SET hooks.slow_share = 0.3", "the share goes in quarters: 0, 0.25, 0.5, 0.75 or 1");
            exec(c, "SET hooks.sample_every = 4");
            refused(c, "SET hooks.detail = verbose", "verbose audit lines need hooks.sample_every = 1");
            assertEquals(List.of(), assignments(c), "no refused value was assigned");
            fails(c, "SET hooks.sample_every = 2048", "22023"); // the server's bounds come first
            fails(c, "SET hooks.detail = loud", "22023");
        }
    }

    @Test
    void anAcceptedValueIsAssignedAndShownByTheHooks(PgServer server) throws SQLException {
        try (Connection c = session(server.connect())) {
            exec(c, "SET hooks.table_prefix = 'orders_'", "SET hooks.sample_every = 8", "SET hooks.slow_share = 0.75",
                    "SET hooks.notices = on");
            assertEquals(List.of("table_prefix=orders_", "notices=true"), assignments(c));
            assertEquals("orders_*", one(c, "SHOW hooks.table_prefix"));
            assertEquals("one in 8", one(c, "SELECT current_setting('hooks.sample_every')"));
            assertEquals("one in 8", one(c, "SELECT setting FROM pg_settings WHERE name = 'hooks.sample_every'"));
            assertEquals("0.75", one(c, "SHOW hooks.slow_share"), "no show hook: the server's display");
            exec(c, "SET hooks.sample_every = 1", "SET hooks.detail = verbose");
            assertEquals(List.of("detail=VERBOSE"), assignments(c));
        }
    }

    @Test
    void aRollbackAssignsTheValueBefore(PgServer server) throws SQLException {
        try (Connection c = session(server.connect())) {
            exec(c, "BEGIN", "SET hooks.table_prefix = 'tmp_'", "ROLLBACK");
            assertEquals(List.of("table_prefix=tmp_", "table_prefix=audit_"), assignments(c));
            exec(c, "BEGIN", "SET LOCAL hooks.detail = terse", "COMMIT");
            assertEquals(List.of("detail=TERSE", "detail=NORMAL"), assignments(c), "SET LOCAL ends with its transaction");
            assertEquals("audit_*", one(c, "SHOW hooks.table_prefix"));
        }
    }

    @Test
    void aShowHookThatFailsLeavesTheServersDisplayAndAWarning(PgServer server) throws SQLException {
        try (Connection c = session(server.connect())) {
            assertEquals("off", one(c, "SHOW hooks.notices"));
            assertTrue(server.lastLogLines(50).stream().anyMatch(l -> l.contains("the show hook of setting hooks.notices failed")
                    && l.contains("a show hook that fails")));
            assertEquals(1, one(c, "SELECT 1"));
        }
    }

    @Test
    void aCancelStopsACheckAndTheValueStays(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = session(server.connect())) {
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c, "SET hooks.table_prefix = 'spin_'", WIDE));
            assertEquals(1, one(c, "SELECT 1"));
            assertEquals("audit_*", one(c, "SHOW hooks.table_prefix"));
            exec(c, "SET statement_timeout = '200ms'");
            fails(c, "SET hooks.table_prefix = 'spin_'", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(List.of(), assignments(c));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1DatabaseGetsTheRefusalInItsEncoding(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_hooks_latin1", "LATIN1", "hooks");
             Connection c = session(latin1.connectAsOrdinaryUser())) {
            assertEquals(OtherDatabase.ORDINARY_USER, one(c, "SELECT current_user"));
            refused(c, "SET hooks.table_prefix = 'caf\u00e9_'",
                    "a table prefix is lower-case letters, digits and _, not \"caf\u00e9_\"");
            exec(c, "SET hooks.table_prefix = 'cafe_'");
            assertEquals("cafe_*", one(c, "SHOW hooks.table_prefix"));
            refused(c, "ALTER ROLE CURRENT_USER SET hooks.sample_every = 6", "6 is not a power of two");
            assertEquals(List.of("table_prefix=cafe_"), assignments(c));
        }
    }
}
