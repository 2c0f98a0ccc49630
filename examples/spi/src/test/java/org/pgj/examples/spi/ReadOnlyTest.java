package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;

/**
 * SQL from STABLE and IMMUTABLE functions runs read-only, as PL/pgSQL's does: writes and DDL get
 * the server's "... is not allowed in a non-volatile function" (0A000), and queries see the
 * snapshot of the query that called the function. The innermost call decides, whichever calls
 * which.
 */
@PgjTest
class ReadOnlyTest {
    private ServerLog.Mark mark;

    @BeforeEach
    void table(Connection c, PgServer server) throws SQLException {
        mark = ServerLog.mark(server);
        exec(c, "CREATE TABLE ro_t(i int)", """
                CREATE FUNCTION plpgsql_stable_count() RETURNS bigint STABLE LANGUAGE plpgsql
                AS $$ BEGIN RETURN (SELECT count(*) FROM ro_t); END $$""", """
                CREATE FUNCTION plpgsql_volatile_count() RETURNS bigint LANGUAGE plpgsql
                AS $$ BEGIN RETURN (SELECT count(*) FROM ro_t); END $$""");
    }

    @AfterEach
    void sessionCarriesOn(Connection c, PgServer server) throws SQLException {
        assertEquals(1, one(c, "SELECT 1"));
        exec(c, "DROP TABLE ro_t", "DROP FUNCTION plpgsql_stable_count()", "DROP FUNCTION plpgsql_volatile_count()");
        ServerLog.assertNoCrashSince(server, mark);
    }

    private static void refused(Connection c, String sql, String command) throws SQLException {
        contains(fails(c, sql, "0A000").getServerErrorMessage().getMessage(), command + " is not allowed in a non-volatile function");
    }

    @Test
    void writesAndDdlFromStableAndImmutableFunctionsAreRefused(Connection c) throws SQLException {
        for (String fn : List.of("stable_run", "immutable_run")) {
            refused(c, "SELECT " + fn + "('CREATE TABLE ro_new(i int)')", "CREATE TABLE");
            refused(c, "SELECT " + fn + "('INSERT INTO ro_t VALUES (1)')", "INSERT");
            refused(c, "SELECT " + fn + "('UPDATE ro_t SET i = 2')", "UPDATE");
            refused(c, "SELECT " + fn + "('DELETE FROM ro_t')", "DELETE");
            refused(c, "SELECT " + fn + "('SELECT * FROM ro_t FOR UPDATE')", "SELECT FOR UPDATE");
            assertEquals(0L, one(c, "SELECT " + fn + "('SELECT * FROM ro_t')"), "a read works after each refusal");
        }
        refused(c, "SELECT stable_cursor_rows('SELECT * FROM ro_t FOR UPDATE')", "SELECT FOR UPDATE");
        assertEquals(0L, one(c, "SELECT count(*) FROM pg_class WHERE relname = 'ro_new'"));
        assertEquals(0L, one(c, "SELECT count(*) FROM ro_t"));
    }

    @Test
    void aVolatileFunctionStillWrites(Connection c) throws SQLException {
        assertEquals(3L, one(c, "SELECT volatile_run('INSERT INTO ro_t SELECT generate_series(1, 3)')"));
        assertEquals(0L, one(c, "SELECT volatile_run('CREATE TEMP TABLE ro_new(i int)')"));
        assertEquals(3L, one(c, "SELECT stable_long('SELECT count(*) FROM ro_t')"));
        assertEquals(3L, one(c, "SELECT stable_cursor_rows('SELECT * FROM ro_t')"));
    }

    /** The innermost pgj call decides: a volatile one inside a stable one writes, and the reverse does not. */
    @Test
    void nestedCallsTakeTheInnermostFunctionsVolatility(Connection c) throws SQLException {
        refused(c, "SELECT volatile_run('SELECT stable_run(''INSERT INTO ro_t VALUES (1)'')')", "INSERT");
        // PL/pgSQL lets a volatile function write from a stable one's query as well.
        assertEquals(1L, one(c, "SELECT stable_long('SELECT volatile_run(''INSERT INTO ro_t VALUES (1)'')')"));
        assertEquals(1L, one(c, "SELECT count(*) FROM ro_t"));
        // After a refused inner call was caught by the outer statement's failure, the next call is read-write again.
        assertEquals(1L, one(c, "SELECT volatile_run('INSERT INTO ro_t VALUES (2)')"));
    }

    /**
     * A stable function's query sees the snapshot of the query that called it, like PL/pgSQL's, so
     * not the rows a volatile function inserted earlier in the same query; a volatile one sees them.
     */
    @Test
    void aStableFunctionSeesItsCallersSnapshot(Connection c) throws SQLException {
        List<List<Object>> rows = rows(c, """
                SELECT volatile_run('INSERT INTO ro_t VALUES (' || g || ')'),
                       stable_long('SELECT count(*) FROM ro_t'), plpgsql_stable_count(),
                       volatile_long('SELECT count(*) FROM ro_t'), plpgsql_volatile_count()
                FROM generate_series(1, 3) g""");
        for (List<Object> row : rows) {
            assertEquals(row.get(2), row.get(1), "stable: as PL/pgSQL in " + rows);
            assertEquals(row.get(4), row.get(3), "volatile: as PL/pgSQL in " + rows);
        }
        assertEquals(List.of(0L, 0L, 0L), rows.stream().map(r -> r.get(1)).toList());
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(r -> r.get(3)).toList());
    }

    /** A trigger function is VOLATILE, so it writes; declared STABLE by hand, its SQL is read-only. */
    @Test
    void triggerFunctionsFollowTheirVolatility(Connection c) throws SQLException {
        exec(c, "CREATE TABLE ro_log(i int)", """
                CREATE FUNCTION ro_trigger() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN PERFORM volatile_run('INSERT INTO ro_log VALUES (' || NEW.i || ')'); RETURN NEW; END $$""",
                "CREATE TRIGGER ro_trigger BEFORE INSERT ON ro_t FOR EACH ROW EXECUTE FUNCTION ro_trigger()");
        exec(c, "INSERT INTO ro_t VALUES (7)");
        assertEquals(7, one(c, "SELECT i FROM ro_log"));
        exec(c, "ALTER FUNCTION volatile_run(text) STABLE");
        try {
            refused(c, "INSERT INTO ro_t VALUES (8)", "INSERT");
        } finally {
            exec(c, "ALTER FUNCTION volatile_run(text) VOLATILE");
        }
        exec(c, "INSERT INTO ro_t VALUES (9)");
        assertEquals(List.of(7, 9), org.pgj.test.Sql.column(c, "SELECT i FROM ro_log ORDER BY i"));
        exec(c, "DROP TABLE ro_log", "DROP TRIGGER ro_trigger ON ro_t", "DROP FUNCTION ro_trigger()");
    }

    @Test
    void statementTimeoutInAReadOnlyQuery(Connection c) throws SQLException {
        exec(c, "SET statement_timeout = '200ms'");
        fails(c, "SELECT stable_long('SELECT count(*) FROM generate_series(1, 1000000000)')", "57014");
        exec(c, "RESET statement_timeout");
        assertEquals(0L, one(c, "SELECT stable_long('SELECT count(*) FROM ro_t')"));
    }
}
