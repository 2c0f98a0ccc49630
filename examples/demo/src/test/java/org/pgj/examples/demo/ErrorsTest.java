package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.test.ExpectedPgError;
import org.pgj.test.InBackend;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.Poll;
import org.pgj.test.ServerLog;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Errors in both directions; after each, the same session runs the next statement. */
@PgjTest
class ErrorsTest {

    static ServerErrorMessage fails(Connection c, String sql, String sqlState) throws SQLException {
        Executable run = () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        };
        PSQLException e = assertThrows(PSQLException.class, run, sql);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertEquals(1, FunctionsTest.one(c, "select 1"), "the session carries on");
        return e.getServerErrorMessage();
    }

    @Test
    void javaExceptionsMapToSqlStates(Connection c) throws SQLException {
        ServerErrorMessage m = fails(c, "select divide(1, 0)", "22012");
        assertTrue(m.getMessage().contains("java.lang.ArithmeticException: / by zero"), m.getMessage());
        assertEquals("38000", fails(c, "select illegal_state('bad')", "38000").getSQLState());
        fails(c, "select throw_java('java.lang.IllegalArgumentException')", "22023");
        fails(c, "select throw_java('java.lang.NumberFormatException')", "22P02");
        fails(c, "select throw_java('java.lang.UnsupportedOperationException')", "0A000");
        fails(c, "select throw_java('java.io.IOException')", "38000");
    }

    @Test
    void pgExceptionKeepsEveryField(Connection c) throws SQLException {
        ServerErrorMessage m = fails(c, "select raise('P0001', 'custom message', 'the detail', 'the hint')", "P0001");
        assertEquals("custom message", m.getMessage());
        assertEquals("the detail", m.getDetail());
        assertEquals("the hint", m.getHint());
        assertNull(m.getWhere(), "no CONTEXT, as a C extension's error has none");
    }

    /** The client sees the error as C would raise it; the Java stack is in the server log, and behind a setting. */
    @Test
    void theJavaStackGoesToTheLogAndToClientsThatAskForIt(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        ServerErrorMessage m = fails(c, "select divide(1, 0) AS stack_to_the_log", "22012");
        assertNull(m.getWhere(), "no Java stack for the client: " + m.getWhere());
        assertNull(m.getDetail(), "the Java stack is the log's DETAIL only: " + m.getDetail());
        Poll.until("the server log has the error with its Java stack", Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
            String log = String.join("\n", ServerLog.linesSince(server, mark));
            return log.contains("java.lang.ArithmeticException: / by zero") && log.contains("Java stack of java.lang.ArithmeticException")
                    && log.contains("Failures.divide");
        });
        m = fails(c, "select raise('P0001', 'custom message', 'the detail', 'the hint')", "P0001");
        assertEquals("the detail", m.getDetail(), "the client's DETAIL stays the exception's");

        try (Statement s = c.createStatement()) {
            s.execute("SET pgj.error_java_stack = on");
        }
        try {
            m = fails(c, "select divide(1, 0)", "22012");
            assertTrue(m.getWhere().contains("Java stack of java.lang.ArithmeticException"), m.getWhere());
            assertTrue(m.getWhere().contains("Failures.divide"), "the Java stack is the CONTEXT: " + m.getWhere());
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET pgj.error_java_stack");
            }
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void invalidSqlStateFromJavaIsStillAnError(Connection c) throws SQLException {
        fails(c, "select raise('bad', 'x', 'detail', 'hint')", "22023");
    }

    @Test
    void serverErrorIsReRaisedUnchanged(Connection c) throws SQLException {
        ServerErrorMessage m = fails(c, "select server_error('select 1/0')", "22012");
        assertEquals("division by zero", m.getMessage(), "the server's own message, not a Java wrapper");
        assertTrue(m.getWhere().contains("SQL statement \"select 1/0\""), "the server's own CONTEXT: " + m.getWhere());
        m = fails(c, "select server_error('selec broken')", "42601");
        assertTrue(m.getMessage().contains("syntax error"), m.getMessage());
        m = fails(c, "select server_error('select * from no_such_table')", "42P01");
        assertEquals("relation \"no_such_table\" does not exist", m.getMessage());
    }

    @Test
    void catchingWithoutSubtransactionStillRaises(Connection c) throws SQLException {
        fails(c, "select swallow_without_subtransaction('select 1/0')", "22012");
    }

    @Test
    void subtransactionCatchesAndCarriesOnWithoutLeaks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table kept(i int primary key)");
            c.setAutoCommit(false);
            s.execute("insert into kept values (1)");
            assertEquals("22012", FunctionsTest.one(c, "select try_run('select 1/0')"));
            assertEquals("23505", FunctionsTest.one(c, "select try_run('insert into kept values (1)')"));
            assertEquals("42601", FunctionsTest.one(c, "select try_run('selec')"));
            assertEquals("ok", FunctionsTest.one(c, "select try_run('insert into kept values (2)')"));
            c.commit();
            SQLWarning w = c.getWarnings();
            assertEquals(null, w == null ? null : w.getMessage(), "no leak warnings at commit");
            assertEquals(2L, FunctionsTest.one(c, "select count(*) from kept"));
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Test
    void fatalJavaConditionsBecomeErrors(Connection c) throws SQLException {
        ServerErrorMessage m = fails(c, "select exit_jvm(3)", "38000");
        assertTrue(m.getMessage().contains("System.exit"), m.getMessage());
        fails(c, "select recurse(100000000)", "54001");
        m = fails(c, "select exhaust_heap()", "53200");
        assertTrue(m.getMessage().contains("OutOfMemoryError"), m.getMessage());
        assertEquals(11, FunctionsTest.one(c, "select add_one(10)"), "Java still works in this backend");
    }

    @Test
    void otherThreadsGetAClearException(Connection c) throws SQLException {
        String outcome = (String) FunctionsTest.one(c, "select from_other_thread()");
        assertTrue(outcome.startsWith("PostgreSQL can only be called from the backend's own thread"), outcome);
    }

    @Test
    @InBackend
    void subtransactionInsideTheBackend() {
        Spi.run("create temp table sub(i int)");
        Spi.run("insert into sub values (1)");
        PgException e = assertThrows(PgException.class,
                () -> Subtransaction.run(() -> {
                    Spi.run("insert into sub values (2)");
                    Spi.run("select 1/0");
                }));
        assertEquals("22012", e.sqlState());
        assertEquals(1L, Spi.run("delete from sub where i = 1"), "earlier work kept");
        assertEquals(0L, Spi.run("delete from sub where i = 2"), "rolled-back work gone");
    }

    @Test
    @InBackend
    void serverErrorsCarryEveryFieldIntoJava() {
        Spi.run("create temp table unique_keys(i int primary key)");
        Spi.run("insert into unique_keys values (1)");
        PgException duplicate = assertThrows(PgException.class,
                () -> Subtransaction.run(() -> Spi.run("insert into unique_keys values (1)")));
        assertEquals("23505", duplicate.sqlState());
        assertEquals("duplicate key value violates unique constraint \"unique_keys_pkey\"", duplicate.getMessage());
        assertEquals("Key (i)=(1) already exists.", duplicate.detail());
        assertTrue(duplicate.context().contains("SQL statement"), duplicate.context());
        PgException unknown = assertThrows(PgException.class,
                () -> Subtransaction.run(() -> Spi.run("select no_such_function(1)")));
        assertEquals("42883", unknown.sqlState());
        assertEquals("No function matches the given name and argument types. You might need to add explicit type casts.",
                unknown.hint());
    }

    @Test
    @InBackend
    @ExpectedPgError(sqlState = "22012")
    void uncaughtServerErrorFailsTheTest() {
        Spi.run("select 1/0");
    }
}
