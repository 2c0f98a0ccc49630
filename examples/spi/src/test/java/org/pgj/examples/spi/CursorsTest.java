package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.CursorNotFoundException;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiCursor;
import org.pgj.spi.SpiResult;
import org.pgj.spi.SpiStatement;
import org.pgj.test.Sql;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Cursors: batches, closing, detaching and finding by name, and misuse. */
@PgjTest
class CursorsTest {

    private static List<Integer> ints(SpiResult batch) {
        return batch.stream().map(row -> row.getInt(1)).toList();
    }

    @Test
    @InBackend
    void fetchInBatchesUntilExhausted() {
        try (SpiConnection spi = Spi.connect(); SpiCursor cursor = spi.openCursor("SELECT generate_series(1, 10)")) {
            assertTrue(cursor.name().startsWith("<unnamed portal"), cursor.name());
            assertEquals(List.of(1, 2, 3), ints(cursor.fetch(3)));
            assertEquals(List.of(4, 5, 6), ints(cursor.fetch(3)));
            assertEquals(List.of(7, 8, 9, 10), ints(cursor.fetch(100)));
            SpiResult end = cursor.fetch(3);
            assertTrue(end.isEmpty());
            assertEquals("FETCH", end.status());
            assertTrue(cursor.fetch(1).isEmpty(), "still empty");
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> cursor.fetch(0));
            assertEquals("fetch at least one row, not 0", zero.getMessage());
        }
    }

    @Test
    @InBackend
    void cursorsTakeArgumentsAndPreparedStatements() {
        try (SpiConnection spi = Spi.connect()) {
            try (SpiCursor c = spi.openCursor("SELECT g FROM generate_series(1, $1) g WHERE g % $2 = 0", 20, 5)) {
                assertEquals(List.of(5, 10, 15, 20), ints(c.fetch(10)));
            }
            SpiStatement stmt = spi.prepare("SELECT g FROM generate_series($1, $2) g", "int4", "int4");
            try (SpiCursor c = spi.openCursor(stmt, 3, 5)) {
                assertEquals(List.of(3, 4, 5), ints(c.fetch(10)));
            }
            stmt.free();
            assertThrows(IllegalStateException.class, () -> spi.openCursor(stmt, 1, 2));
        }
    }

    @Test
    @InBackend
    void closedCursorsThrowAndClosingTwiceDoesNothing() {
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor cursor = spi.openCursor("SELECT 1");
            cursor.close();
            cursor.close();
            assertFalse(cursor.isOpen());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cursor.fetch(1));
            assertEquals("cursor \"" + cursor.name() + "\" is closed", e.getMessage());
            assertThrows(IllegalStateException.class, cursor::detach);
            assertThrows(CursorNotFoundException.class, () -> spi.findCursor(cursor.name()), "the server closed it too");

            SpiCursor closedInSql = spi.declareCursor("closed_in_sql", "SELECT 1");
            spi.run("CLOSE closed_in_sql");
            IllegalStateException bySql = assertThrows(IllegalStateException.class, () -> closedInSql.fetch(1));
            assertTrue(bySql.getMessage().contains("was closed by the server"), bySql.getMessage());
            closedInSql.close();
        }
    }

    @Test
    @InBackend
    void aDetachedCursorIsFoundByNameInALaterScope() {
        String name;
        SpiCursor first;
        try (SpiConnection spi = Spi.connect()) {
            first = spi.openCursor("SELECT generate_series(1, 5)");
            assertEquals(List.of(1, 2), ints(first.fetch(2)));
            name = first.detach();
        }
        IllegalStateException old = assertThrows(IllegalStateException.class, () -> first.fetch(1));
        assertTrue(old.getMessage().contains("find the cursor again in an open scope with findCursor"), old.getMessage());
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor found = spi.findCursor(name);
            assertEquals(name, found.name());
            assertEquals(List.of(3, 4, 5), ints(found.fetch(10)), "it carries on where it stopped");
        }
        try (SpiConnection spi = Spi.connect()) {
            assertThrows(CursorNotFoundException.class, () -> spi.findCursor(name), "found without detach: closed with its scope");
        }
    }

    @Test
    @InBackend
    void declaredCursorsAndCursorsDeclaredInSql() {
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor named = spi.declareCursor("my_cursor", "SELECT 'a' UNION ALL SELECT 'b'");
            assertEquals("my_cursor", named.name());
            assertEquals("a", spi.findCursor("my_cursor").fetch(1).first().getString(1), "one portal, two handles");
            assertEquals("b", named.fetch(1).first().getString(1));
            PgException taken = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.declareCursor("my_cursor", "SELECT 1")));
            assertEquals("42P03", taken.sqlState());
            spi.run("DECLARE sql_cursor CURSOR FOR SELECT 42");
            assertEquals(42, spi.findCursor("sql_cursor").fetch(1).first().getInt(1));
        }
    }

    @Test
    @InBackend
    void anUnknownNameIsAClearException() {
        try (SpiConnection spi = Spi.connect()) {
            CursorNotFoundException e = assertThrows(CursorNotFoundException.class, () -> spi.findCursor("nope"));
            assertEquals("34000", e.sqlState());
            assertEquals("cursor \"nope\" does not exist", e.getMessage());
            assertEquals("nope", e.name());
            assertEquals(1, spi.run("SELECT 1"));
        }
    }

    @Test
    @InBackend
    void aCursorErrorInTheMiddleIsCaughtLikeAnyOther() {
        try (SpiConnection spi = Spi.connect();
             SpiCursor cursor = spi.openCursor("SELECT 10 / (3 - g) FROM generate_series(1, 5) g")) {
            assertEquals(List.of(5, 10), ints(cursor.fetch(2)));
            PgException e = assertThrows(PgException.class, () -> Subtransaction.run(() -> cursor.fetch(2)));
            assertEquals("22012", e.sqlState());
            PgException failed = assertThrows(PgException.class, () -> Subtransaction.run(() -> cursor.fetch(1)));
            assertEquals("55000", failed.sqlState(), "the server keeps the failed cursor until it is closed");
            assertEquals(1, spi.run("SELECT 1"));
        }
    }

    @Test
    void cursorsAcrossCallsInOneTransaction(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            String name = (String) Sql.one(c, "select open_for_later('select g::text from generate_series(1, 5) g')");
            assertEquals("1,2", Sql.one(c, "select fetch_later(?, 2)", name));
            assertEquals("3,4", Sql.one(c, "select fetch_later(?, 2)", name));
            assertEquals("5", Sql.one(c, "select fetch_later(?, 2)", name));
            assertEquals("", Sql.one(c, "select fetch_later(?, 2)", name));
            c.commit();
            Sql.fails(c, "select fetch_later('" + name + "', 2)", "34000");
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Test
    void cursorSumFromSql(Connection c) throws SQLException {
        assertEquals(500000500000L, Sql.one(c, "select cursor_sum('select g from generate_series(1, 1000000) g', 1000)"));
        assertEquals(0L, Sql.one(c, "select cursor_sum('select 1 where false', 10)"));
        Sql.fails(c, "select cursor_sum('select ''x''', 10)", "42804");
        Sql.fails(c, "select cursor_sum('insert into kv values (1, 1)', 10)", "42P11");
    }

    @Test
    @InBackend
    void aCursorOpenedInARolledBackSubtransactionIsGone() {
        try (SpiConnection spi = Spi.connect()) {
            SpiCursor[] opened = new SpiCursor[1];
            assertThrows(PgException.class, () -> Subtransaction.run(() -> {
                opened[0] = spi.declareCursor("doomed", "SELECT 1");
                spi.run("SELECT 1/0");
            }));
            assertFalse(opened[0].isOpen());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> opened[0].fetch(1));
            assertTrue(e.getMessage().contains("was closed by the server"), e.getMessage());
            assertThrows(CursorNotFoundException.class, () -> spi.findCursor("doomed"));
            opened[0].close();
        }
    }

    @Test
    void aLongCursorLoopStopsOnStatementTimeout(Connection c) throws SQLException {
        Sql.exec(c, "set statement_timeout = '300ms'");
        try {
            Sql.fails(c, "select cursor_sum('select g from generate_series(1, 1000000000) g', 1000)", "57014");
        } finally {
            Sql.exec(c, "reset statement_timeout");
        }
        assertEquals(55L, Sql.one(c, "select cursor_sum('select g from generate_series(1, 10) g', 3)"));
    }
}
