package org.pgj.examples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * Query hooks in Java: they see this database's statements once pgj is loaded in the backend,
 * can refuse them, pass the server's errors and cancels on unchanged, and stay out of databases
 * where the extension is not created.
 */
@PgjTest
class QueryHooksTest {
    private static List<Object> commands(Connection c) throws SQLException {
        return Arrays.asList((Object[]) ((Array) one(c, "SELECT audited_commands()")).getArray());
    }

    @Test
    void utilityStatementsAreSeenAndCanBeRefused(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            commands(c); // loads pgj, and with it the hooks
            exec(c, "CREATE TABLE audited(x int)");
            exec(c, "DROP TABLE audited");
            assertEquals(List.of("CREATE TABLE", "DROP TABLE"), commands(c));

            exec(c, "CREATE TABLE protected_data(x int)");
            assertTrue(fails(c, "DROP TABLE protected_data", "42501").getMessage().contains("cannot be dropped"));
            assertNotNull(one(c, "SELECT to_regclass('protected_data')"), "the table is still there");
            exec(c, "ALTER TABLE protected_data RENAME TO released_data");
            exec(c, "DROP TABLE released_data");
            assertEquals(List.of("CREATE TABLE", "ALTER TABLE", "DROP TABLE"), commands(c));
        }
    }

    @Test
    void executorHooksSeeEveryQueryAndItsRows(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            commands(c);
            exec(c, "CREATE TEMP TABLE counted(x int)");
            long inserted = (Long) one(c, "SELECT rows_of('INSERT')");
            long selected = (Long) one(c, "SELECT rows_of('SELECT')");
            exec(c, "INSERT INTO counted SELECT generate_series(1, 3)");
            assertEquals(inserted + 3, one(c, "SELECT rows_of('INSERT')"));
            exec(c, "SELECT * FROM generate_series(1, 5)");
            // the five rows, and the one row of the rows_of query before it
            assertEquals(selected + 1 + 5 + 1, one(c, "SELECT rows_of('SELECT')"));
            long starts = (Long) one(c, "SELECT executor_starts()");
            exec(c, "DO $$ BEGIN PERFORM 1; PERFORM 2; END $$");
            assertTrue((Long) one(c, "SELECT executor_starts()") >= starts + 3, "nested queries go through the hooks too");
        }
    }

    @Test
    void errorsAndCancelsPassThroughTheHooks(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            commands(c);
            assertTrue(fails(c, "SELECT 1 /* refuse */", "42501").getMessage().contains("refused by a hook"));
            fails(c, "SELECT 1 / 0", "22012");
            exec(c, "SET statement_timeout = 200");
            fails(c, "SELECT pg_sleep(5)", "57014");
            exec(c, "RESET statement_timeout");
            assertEquals(2, one(c, "SELECT 2"), "the session goes on");
        }
        ServerLog.assertNoCrash(server, 300);
    }

    @Test
    void databasesWithoutTheExtensionRunNoJava(PgServer server) throws SQLException {
        String elsewhere = server.jdbcUrl().replace("/" + server.database() + "?", "/postgres?");
        assertEquals(false, jvmStartedByHooks(elsewhere), "no JVM for the hooks where the extension is not created");
        assertEquals(true, jvmStartedByHooks(server.jdbcUrl()), "where it is, the hooks start Java");
    }

    /** Loads pgj without calling a function, runs a statement, and tells whether a JVM started (DEBUG1). */
    private static boolean jvmStartedByHooks(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SET client_min_messages = debug1");
            s.execute("LOAD 'pgj'");
            s.execute("CREATE TEMP TABLE hooked(x int)");
            StringBuilder messages = new StringBuilder();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.append(w.getMessage()).append('\n');
            }
            return messages.toString().contains("JVM created");
        }
    }
}
