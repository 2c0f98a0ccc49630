package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;
import org.pgj.spi.SpiResult;
import org.pgj.spi.SpiRow;
import org.pgj.spi.SpiStatement;
import org.pgj.test.Sql;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Connection scopes: nesting, values that outlive them, and everything used after they end. */
@PgjTest
class ConnectionScopesTest {

    @Test
    @InBackend
    void valuesReadOutliveTheScope() {
        String text;
        byte[] bytes;
        long number;
        try (SpiConnection spi = Spi.connect()) {
            SpiRow row = spi.select("SELECT 'héllo'::text, '\\x00ff'::bytea, 9007199254740993::int8").first();
            text = row.getString(1);
            bytes = row.getBytes(2);
            number = row.getLong(3);
        }
        // Allocate and discard server memory so freed memory would be reused.
        Spi.run("SELECT repeat('x', 100000) FROM generate_series(1, 20)");
        assertEquals("héllo", text);
        assertArrayEquals(new byte[] {0, (byte) 0xff}, bytes);
        assertEquals(9007199254740993L, number);
    }

    @Test
    @InBackend
    void touchingResultsAfterTheScopeClosedThrows() {
        SpiResult result;
        SpiRow row;
        try (SpiConnection spi = Spi.connect()) {
            result = spi.select("SELECT generate_series(1, 3) AS n");
            row = result.first();
            assertEquals(3, result.size());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, result::size);
        assertTrue(e.getMessage().contains("scope that has ended"), e.getMessage());
        assertThrows(IllegalStateException.class, result::first);
        assertThrows(IllegalStateException.class, result::iterator);
        assertThrows(IllegalStateException.class, () -> result.columnName(1));
        assertThrows(IllegalStateException.class, result::processed);
        assertThrows(IllegalStateException.class, () -> row.getInt(1));
        assertThrows(IllegalStateException.class, () -> row.get("n"));
        assertEquals("SpiResult[closed]", result.toString());
        assertEquals(6L, Spi.getOne("SELECT sum(n) FROM generate_series(1, 3) n", Long.class).orElseThrow(),
                "the backend carries on");
    }

    @Test
    @InBackend
    void usingAClosedScopeThrowsAndClosingTwiceDoesNothing() {
        SpiConnection spi = Spi.connect();
        assertTrue(spi.isOpen());
        spi.close();
        spi.close();
        assertFalse(spi.isOpen());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> spi.run("SELECT 1"));
        assertEquals("this SPI connection scope is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> spi.select("SELECT 1"));
        assertThrows(IllegalStateException.class, () -> spi.prepare("SELECT 1"));
        assertThrows(IllegalStateException.class, () -> spi.openCursor("SELECT 1"));
        assertThrows(IllegalStateException.class, () -> spi.findCursor("x"));
        assertThrows(IllegalStateException.class, spi::commit);
        assertEquals(1L, Spi.run("SELECT 1"));
    }

    @Test
    @InBackend
    void scopesNestAndOnlyTheInnermostRuns() {
        try (SpiConnection outer = Spi.connect()) {
            outer.run("CREATE TEMP TABLE nest(i int)");
            try (SpiConnection inner = Spi.connect()) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> outer.run("SELECT 1"));
                assertTrue(e.getMessage().contains("inner SPI connection scope is open"), e.getMessage());
                assertThrows(IllegalStateException.class, outer::close);
                assertTrue(outer.isOpen(), "a refused close leaves the scope open");
                inner.run("INSERT INTO nest VALUES (1)");
            }
            assertEquals(1L, outer.getOne("SELECT count(*) FROM nest", Long.class).orElseThrow(),
                    "the outer scope sees the inner one's work");
        }
    }

    @Test
    @InBackend
    void resultsOfAnOuterScopeStayReadableWhileAnInnerOneIsOpen() {
        try (SpiConnection outer = Spi.connect()) {
            SpiResult result = outer.select("SELECT 'outer' AS who");
            try (SpiConnection inner = Spi.connect()) {
                inner.run("SELECT 1");
                assertEquals("outer", result.first().getString("who"));
            }
        }
    }

    @Test
    @InBackend
    void aScopeEndsWithTheSubtransactionItWasOpenedIn() {
        SpiConnection[] opened = new SpiConnection[1];
        SpiResult[] results = new SpiResult[1];
        PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> {
            opened[0] = Spi.connect();
            results[0] = opened[0].select("SELECT 1");
            opened[0].run("SELECT 1/0");
        }));
        assertEquals("22012", e.sqlState());
        assertFalse(opened[0].isOpen(), "the rollback ended the scope");
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> opened[0].run("SELECT 1"));
        assertTrue(closed.getMessage().contains("was rolled back or ended"), closed.getMessage());
        assertThrows(IllegalStateException.class, results[0]::size);
        opened[0].close();
        assertEquals(1L, Spi.run("SELECT 1"), "a new scope works");
    }

    @Test
    @InBackend
    void aScopeSurvivesASubtransactionRolledBackInsideIt() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult before = spi.select("SELECT 41 + 1 AS answer");
            assertThrows(PgException.class, () -> Subtransaction.run(() -> spi.run("SELECT 1/0")));
            assertEquals(42, before.first().getInt("answer"));
            assertEquals(2L, spi.getOne("SELECT 1 + 1", Long.class).orElseThrow());
        }
    }

    @Test
    @InBackend
    void closingTheScopeClosesItsCursorsAndStatements() {
        SpiCursor cursor;
        SpiStatement statement;
        try (SpiConnection spi = Spi.connect()) {
            cursor = spi.openCursor("SELECT 1");
            statement = spi.prepare("SELECT 1");
        }
        assertFalse(cursor.isOpen());
        assertFalse(statement.isUsable());
        assertThrows(IllegalStateException.class, () -> cursor.fetch(1));
        try (SpiConnection spi = Spi.connect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> spi.select(statement));
            assertTrue(e.getMessage().contains("keep() it"), e.getMessage());
        }
        cursor.close();
        statement.free();
    }

    @Test
    @InBackend
    void staticShortcutsOpenTheirOwnScope() {
        assertEquals(3L, Spi.run("SELECT * FROM generate_series(1, 3)"));
        assertEquals("x", Spi.getOne("SELECT 'x'", String.class).orElseThrow());
        try (SpiConnection spi = Spi.connect()) {
            spi.run("SELECT 1"); // the shortcuts left no inner scope behind
        }
    }

    @Test
    void aScopeLeftOpenIsClosedWhenTheFunctionReturns(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select leak_scope()");
            SQLWarning w = s.getWarnings();
            assertTrue(w != null && w.getMessage().contains("returned with 1 SPI connection scope(s) still open"),
                    "a WARNING names the function: " + w);
        }
        assertEquals("returned with an open scope", Sql.one(c, "select leak_scope()"),
                "the result, allocated while the scope was open, is copied before the scope closes");
        assertEquals(1L, Sql.one(c, "select count_older_than(-1) * 0 + 1"), "the next call works");
    }

    @Test
    void aScopeCannotBeUsedByCodeItsStatementCalls(Connection c) throws SQLException {
        String message = (String) Sql.one(c, "select reenter_scope()");
        assertTrue(message.contains("is running a statement; code that the statement calls must open its own scope"),
                message);
    }

    @Test
    void otherThreadsGetAWrongThreadException(Connection c) throws SQLException {
        assertEquals("WrongThreadException", Sql.one(c, "select connect_from_other_thread()"));
    }

    @Test
    @InBackend
    void manyStatementsWithGarbageCollectionsInBetween() {
        try (SpiConnection spi = Spi.connect()) {
            SpiStatement concat = spi.prepare("SELECT $1 || repeat('y', $2)", "text", "int4");
            for (int i = 0; i < 300; i++) {
                String text = "x".repeat(i);
                assertEquals(text + "y".repeat(i), spi.getOne(concat, String.class, text, i).orElseThrow());
                assertEquals(i, spi.getOne("SELECT length($1)", Integer.class, text).orElseThrow());
                try (SpiConnection inner = Spi.connect()) {
                    assertEquals(1, inner.select("SELECT $1::text", "v" + i).size());
                }
                if (i % 25 == 0) {
                    System.gc();
                }
            }
        }
    }
}
