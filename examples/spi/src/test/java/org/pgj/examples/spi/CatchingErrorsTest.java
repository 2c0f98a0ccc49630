package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.test.Sql;
import org.pgj.test.ExpectedPgError;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Server errors of SQL run from Java, caught in a subtransaction: the transaction carries on. */
@PgjTest
class CatchingErrorsTest {

    @Test
    @InBackend
    void eachErrorIsCaughtWithItsSqlStateAndOnlyItsWorkIsRolledBack() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE caught(i int PRIMARY KEY)");
            spi.run("INSERT INTO caught VALUES (1)");
            record Case(String sql, String sqlState) {
            }
            for (Case c : List.of(new Case("SELEC 1", "42601"), new Case("INSERT INTO caught VALUES (1)", "23505"),
                    new Case("SELECT 1/0", "22012"), new Case("INSERT INTO caught VALUES (NULL)", "23502"))) {
                PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> {
                    spi.run("INSERT INTO caught VALUES (100)");
                    spi.run(c.sql());
                }), c.sql());
                assertEquals(c.sqlState(), e.sqlState(), c.sql());
                assertEquals(1L, spi.getOne("SELECT count(*) FROM caught", Long.class).orElseThrow(),
                        "the subtransaction's insert is gone, the earlier one is kept");
            }
            Subtransaction.run(() -> spi.run("INSERT INTO caught VALUES (2)"));
            assertEquals(2L, spi.getOne("SELECT count(*) FROM caught", Long.class).orElseThrow(), "committed work is kept");
        }
    }

    @Test
    @InBackend
    void theErrorCarriesTheServersFields() {
        Spi.run("CREATE TEMP TABLE fields(i int PRIMARY KEY)");
        Spi.run("INSERT INTO fields VALUES (1)");
        PgException e = assertThrows(PgException.class,
                () -> Subtransaction.run(() -> Spi.run("INSERT INTO fields VALUES ($1)", 1)));
        assertEquals("duplicate key value violates unique constraint \"fields_pkey\"", e.getMessage());
        assertEquals("Key (i)=(1) already exists.", e.detail());
        assertTrue(e.context().contains("SQL statement \"INSERT INTO fields VALUES ($1)\""), e.context());
    }

    @Test
    @InBackend
    @ExpectedPgError(sqlState = "23505")
    void catchingWithoutASubtransactionStillFailsTheStatement() {
        Spi.run("CREATE TEMP TABLE uncaught(i int PRIMARY KEY)");
        try {
            Spi.run("INSERT INTO uncaught VALUES (1), (1)");
        } catch (PgException swallowed) {
            // The server's state is only sound after a rollback: pgj raises the error anyway.
        }
    }

    @Test
    void noLeakWarningsAtCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table kept(i int primary key)");
            c.setAutoCommit(false);
            s.execute("insert into kept values (1)");
            assertEquals("22012", Sql.one(c, "select attempt('select 1/0')"));
            assertEquals("23505", Sql.one(c, "select attempt('insert into kept values (1)')"));
            assertEquals("42601", Sql.one(c, "select attempt('selec')"));
            assertEquals("42P01", Sql.one(c, "select attempt('select * from no_such_table')"));
            assertEquals("ok", Sql.one(c, "select attempt('insert into kept values (2)')"));
            c.commit();
            SQLWarning w = c.getWarnings();
            assertNull(w == null ? null : w.getMessage(), "no leak warnings at commit");
            assertEquals(2L, Sql.one(c, "select count(*) from kept"));
        } finally {
            c.setAutoCommit(true);
        }
    }
}
