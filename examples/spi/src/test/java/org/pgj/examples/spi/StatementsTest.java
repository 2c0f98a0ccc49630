package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiResult;
import org.pgj.test.ExpectedPgError;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** select (read-only), update (read-write), run, and what one statement sees of the ones before. */
@PgjTest
@InBackend
class StatementsTest {

    private static PgException refused(SpiConnection spi, String sql) {
        return assertThrows(PgException.class, () -> Subtransaction.run(() -> spi.select(sql)), sql);
    }

    @Test
    void selectRefusesWritesWithTheServersOwnError() {
        try (SpiConnection spi = Spi.connect()) {
            spi.update("CREATE TEMP TABLE ro(i int)");
            PgException e = refused(spi, "INSERT INTO ro VALUES (1)");
            assertEquals("0A000", e.sqlState());
            assertEquals("INSERT is not allowed in a non-volatile function", e.getMessage());
            assertEquals("UPDATE is not allowed in a non-volatile function", refused(spi, "UPDATE ro SET i = 2").getMessage());
            assertEquals("DELETE is not allowed in a non-volatile function", refused(spi, "DELETE FROM ro").getMessage());
            assertEquals("CREATE TABLE is not allowed in a non-volatile function",
                    refused(spi, "CREATE TABLE ro2(i int)").getMessage());
            assertEquals("SELECT FOR UPDATE is not allowed in a non-volatile function",
                    refused(spi, "SELECT * FROM ro FOR UPDATE").getMessage());
            assertEquals(0, spi.select("SELECT * FROM ro").size(), "a read works after each refusal");
        }
    }

    @Test
    void updateRunsAnyStatement() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult created = spi.update("CREATE TEMP TABLE rw(i int PRIMARY KEY, s text)");
            assertEquals("UTILITY", created.status());
            assertFalse(created.hasTupleTable());
            SpiResult inserted = spi.update("INSERT INTO rw SELECT g, 'v' || g FROM generate_series(1, 5) g");
            assertEquals("INSERT", inserted.status());
            assertEquals(5, inserted.processed());
            SpiResult updated = spi.update("UPDATE rw SET s = upper(s) WHERE i > 3 RETURNING i, s");
            assertEquals("UPDATE_RETURNING", updated.status());
            assertEquals(2, updated.size());
            assertEquals("V5", updated.row(1).getString("s"));
            assertEquals(1, spi.update("DELETE FROM rw WHERE i = $1", 1).processed());
            SpiResult selected = spi.update("SELECT count(*) FROM rw");
            assertEquals("SELECT", selected.status());
            assertEquals(4L, selected.first().getLong(1));
        }
    }

    @Test
    void runDiscardsTheRowsAndReturnsTheCount() {
        try (SpiConnection spi = Spi.connect()) {
            assertEquals(1000, spi.run("SELECT g FROM generate_series(1, 1000) g"));
            assertEquals(0, spi.run("SELECT 1 WHERE false"));
            assertEquals(0, spi.run("CREATE TEMP TABLE counted(i int)"));
            assertEquals(3, spi.run("INSERT INTO counted VALUES ($1), ($2), ($3)", 1, 2, 3));
            assertEquals(2, spi.run("DELETE FROM counted WHERE i > $1", 1));
        }
    }

    @Test
    void laterStatementsSeeTheEffectsOfEarlierOnes() {
        try (SpiConnection spi = Spi.connect()) {
            spi.update("CREATE TEMP TABLE seen(i int)");
            spi.update("INSERT INTO seen VALUES (1)");
            assertEquals(1, spi.select("SELECT * FROM seen").size(), "a read-only select sees the insert");
            spi.run("INSERT INTO seen VALUES (2)");
            assertEquals(2L, spi.getOne("SELECT count(*) FROM seen", Long.class).orElseThrow());
            var stmt = spi.prepare("SELECT count(*) FROM seen");
            spi.run("INSERT INTO seen VALUES (3)");
            assertEquals(3L, spi.select(stmt).first().getLong(1), "a prepared statement sees later inserts too");
            try (var cursor = spi.openCursor("SELECT i FROM seen ORDER BY i")) {
                spi.run("INSERT INTO seen VALUES (4)");
                assertEquals(3, cursor.fetch(10).size(), "a cursor sees what was there when it opened");
            }
            assertEquals(4, spi.select("SELECT * FROM seen").size());
        }
        assertEquals(4L, Spi.getOne("SELECT count(*) FROM seen", Long.class).orElseThrow(), "and so does a new scope");
    }

    @Test
    void multipleStatementsInOneStringReportTheLast() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult r = spi.update("CREATE TEMP TABLE multi(i int); INSERT INTO multi VALUES (7); SELECT i * 6 FROM multi");
            assertEquals(42, r.first().getInt(1));
            SpiResult last = spi.update("SELECT 1; INSERT INTO multi VALUES (8)");
            assertFalse(last.hasTupleTable(), "the INSERT came last");
            assertEquals(1, last.processed());
            assertEquals("INSERT", last.status());
        }
    }

    @Test
    void utilityStatementsThatReturnRows() {
        try (SpiConnection spi = Spi.connect()) {
            assertEquals("on", spi.update("SHOW standard_conforming_strings").first().getString(1));
            assertTrue(spi.update(spi.prepare("EXPLAIN SELECT 1")).first().getString(1).startsWith("Result"),
                    "a prepared EXPLAIN returns its plan's lines");
        }
    }

    @Test
    void transactionStatementsAreRefusedClearly() {
        try (SpiConnection spi = Spi.connect()) {
            for (String sql : new String[] {"COMMIT", "BEGIN", "SAVEPOINT s", "ROLLBACK"}) {
                PgException e = assertThrows(PgException.class, () -> spi.run(sql), sql);
                assertEquals("0A000", e.sqlState());
                assertTrue(e.getMessage().startsWith("transaction control statements cannot run through SPI"), e.getMessage());
            }
            assertEquals(1, spi.run("SELECT 1"), "no server error was raised: the scope carries on");
        }
    }

    @Test
    void aSyntaxErrorIsCaughtAndTheScopeCarriesOn() {
        try (SpiConnection spi = Spi.connect()) {
            PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> spi.run("SELEC 1")));
            assertEquals("42601", e.sqlState());
            assertEquals("syntax error at or near \"SELEC\"", e.getMessage());
            assertEquals(1, spi.run("SELECT 1"));
        }
    }

    @Test
    void sqlWithANulCharacterIsRefusedBeforeTheServerSeesIt() {
        PgException e = assertThrows(PgException.class, () -> Spi.run("SELECT 'a\u0000b'"));
        assertEquals("22021", e.sqlState());
        assertEquals(1, Spi.run("SELECT 1"));
    }

    @Test
    @ExpectedPgError(sqlState = "22012", messageContains = "division by zero")
    void anUncaughtServerErrorFailsTheStatement() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("SELECT 1/0");
        }
    }
}
