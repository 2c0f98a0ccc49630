package org.pgj.examples.bgworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;
import org.postgresql.util.PSQLException;

/** Settings of each kind: defaults, SET, bounds, options and contexts, as the server enforces them. */
@PgjTest
class SettingsTest {

    @Test
    void defaultsAndSetValuesReachJava(Connection c) throws SQLException {
        assertEquals("enabled=true batch_size=100 sample_rate=0.5 greeting=hello mode=FAST", Sql.one(c, "SELECT show_tuning()"));
        Sql.run(c, "SET bgworker.enabled = off");
        Sql.run(c, "SET bgworker.batch_size = 1000");
        Sql.run(c, "SET bgworker.sample_rate = 0.25");
        Sql.run(c, "SET bgworker.greeting = 'grüß dich 👋'");
        Sql.run(c, "SET bgworker.mode = 'Careful'");
        assertEquals("enabled=false batch_size=1000 sample_rate=0.25 greeting=grüß dich 👋 mode=CAREFUL",
                Sql.one(c, "SELECT show_tuning()"));
        assertEquals("careful", Sql.one(c, "SELECT current_setting('bgworker.mode')"));
        Sql.run(c, "RESET ALL");
        assertEquals("enabled=true batch_size=100 sample_rate=0.5 greeting=hello mode=FAST", Sql.one(c, "SELECT show_tuning()"));
    }

    @Test
    void serverEnforcesBoundsOptionsAndContexts(Connection c) throws SQLException {
        Sql.one(c, "SELECT show_tuning()"); // loads pgj, which defines the settings
        assertSetFails(c, "SET bgworker.batch_size = 1001", "22023", "outside the valid range");
        assertSetFails(c, "SET bgworker.batch_size = 0", "22023", "outside the valid range");
        assertSetFails(c, "SET bgworker.sample_rate = 1.5", "22023", "outside the valid range");
        assertSetFails(c, "SET bgworker.mode = 'reckless'", "22023", "invalid value");
        assertSetFails(c, "SET bgworker.naptime = 5", "55P02", "cannot be changed now");
        assertSetFails(c, "SET bgworker.database = 'x'", "55P02", "cannot be changed");
        Sql.run(c, "DROP ROLE IF EXISTS pgj_settings_user");
        Sql.run(c, "CREATE ROLE pgj_settings_user");
        try {
            Sql.run(c, "SET ROLE pgj_settings_user");
            Sql.run(c, "SET bgworker.batch_size = 7"); // user context: anyone
            assertSetFails(c, "SET bgworker.sample_rate = 0.1", "42501", "permission denied");
            Sql.run(c, "RESET ROLE");
        } finally {
            Sql.run(c, "RESET ROLE");
            Sql.run(c, "DROP ROLE pgj_settings_user");
        }
        assertTrue(((String) Sql.one(c, "SELECT show_tuning()")).contains("batch_size=7"));
    }

    private static void assertSetFails(Connection c, String sql, String sqlState, String text) {
        PSQLException e = assertThrows(PSQLException.class, () -> Sql.run(c, sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
