package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Arg;
import org.pgj.spi.ArgumentCountException;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiStatement;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** Prepared statements: argument types, many runs, keeping across scopes, freeing, and misuse. */
@PgjTest
@InBackend
class PreparedStatementsTest {

    @Test
    void prepareOnceRunManyTimes() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE squares(n int PRIMARY KEY, sq int8, label text)");
            SpiStatement insert = spi.prepare("INSERT INTO squares VALUES ($1, $2, $3)", "int4", "int8", "text");
            assertEquals(3, insert.argumentCount());
            assertEquals(List.of(23, 20, 25), insert.argumentTypes());
            assertEquals("INSERT INTO squares VALUES ($1, $2, $3)", insert.sql());
            for (int n = 1; n <= 1000; n++) {
                assertEquals(1, spi.run(insert, n, (long) n * n, n % 10 == 0 ? null : "n" + n));
            }
            SpiStatement byN = spi.prepare("SELECT sq, label FROM squares WHERE n = $1", "int4");
            assertEquals(Optional.of(998001L), spi.getOne(byN, Long.class, 999));
            assertEquals("n999", spi.select(byN, 999).first().getString("label"));
            assertTrue(spi.select(byN, 10).first().isNull("label"));
            assertThrows(org.pgj.spi.NoRowsException.class, () -> spi.getOne(byN, Long.class, 5000));
            assertEquals(Optional.of(1000L), spi.getOne(spi.prepare("SELECT count(*) FROM squares"), Long.class));
        }
    }

    @Test
    void argumentsConvertToTheDeclaredTypes() {
        try (SpiConnection spi = Spi.connect()) {
            SpiStatement s = spi.prepare("SELECT pg_typeof($1)::text || ':' || $1 || ',' || pg_typeof($2)::text || ':' || $2",
                    "int8", "numeric(6,2)");
            assertEquals(Optional.of("bigint:7,numeric:3.14159"), spi.getOne(s, String.class, 7, "3.14159"),
                    "an Integer widens to bigint; a String goes through numeric's input function; as with PREPARE, "
                            + "a type modifier does not apply to an argument");
            assertEquals(Optional.of("bigint:7,numeric:1"), spi.getOne(s, String.class, Arg.of("bigint", 7L), "1"));
            PgException mismatch = assertThrows(PgException.class, () -> spi.getOne(s, String.class, Arg.of("text", "7"), "1"));
            assertEquals("argument $1 is given as text, but the statement was prepared with type bigint", mismatch.getMessage());
            assertEquals(Optional.empty(), spi.getOne(s, String.class, null, null), "NULLs of the declared types");
        }
    }

    @Test
    void aWrongNumberOfArgumentsSaysBothCounts() {
        try (SpiConnection spi = Spi.connect()) {
            SpiStatement two = spi.prepare("SELECT $1 + $2", "int4", "int4");
            ArgumentCountException e = assertThrows(ArgumentCountException.class, () -> spi.getOne(two, Integer.class, 1));
            assertEquals(2, e.expected());
            assertEquals(1, e.actual());
            assertEquals("42601", e.sqlState());
            assertEquals("wrong number of arguments for prepared statement: expected 2, got 1", e.getMessage());
            ArgumentCountException three = assertThrows(ArgumentCountException.class, () -> spi.run(two, 1, 2, 3));
            assertEquals(3, three.actual());
            assertThrows(ArgumentCountException.class, () -> spi.openCursor(two));
            assertEquals(Optional.of(3), spi.getOne(two, Integer.class, 1, 2), "it still runs with the right count");
        }
    }

    @Test
    void aKeptStatementOutlivesItsScopeUntilFreed() {
        SpiStatement kept;
        SpiStatement notKept;
        try (SpiConnection spi = Spi.connect()) {
            kept = spi.prepare("SELECT $1::int * 2", "int4").keep();
            notKept = spi.prepare("SELECT 1");
            assertTrue(kept.isKept());
            assertFalse(notKept.isKept());
            assertEquals(kept, kept.keep(), "keeping twice is keeping");
        }
        assertTrue(kept.isUsable());
        assertFalse(notKept.isUsable());
        try (SpiConnection spi = Spi.connect()) {
            assertEquals(Optional.of(42), spi.getOne(kept, Integer.class, 21));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> spi.run(notKept));
            assertEquals("this prepared statement ended with the SPI connection scope that prepared it; keep() it to use it longer",
                    e.getMessage());
            try (SpiConnection inner = Spi.connect()) {
                assertEquals(Optional.of(4), inner.getOne(kept, Integer.class, 2), "any open scope runs it");
            }
        }
        kept.free();
        kept.free();
        kept.close();
        assertFalse(kept.isUsable());
        try (SpiConnection spi = Spi.connect()) {
            IllegalStateException freed = assertThrows(IllegalStateException.class, () -> spi.getOne(kept, Integer.class, 1));
            assertEquals("this prepared statement was freed", freed.getMessage());
            assertThrows(IllegalStateException.class, kept::keep);
            assertEquals(1L, spi.run("SELECT 1"));
        }
        notKept.free();
    }

    @Test
    void badStatementsAndTypesAreServerErrors() {
        try (SpiConnection spi = Spi.connect()) {
            PgException type = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.prepare("SELECT $1", "no_such_type")));
            assertEquals("42704", type.sqlState());
            assertEquals("type \"no_such_type\" does not exist", type.getMessage());
            PgException syntax = assertThrows(PgException.class, () -> Subtransaction.run(() -> spi.prepare("SELEC $1", "int4")));
            assertEquals("42601", syntax.sqlState());
            PgException table = assertThrows(PgException.class, () -> Subtransaction.run(() -> spi.prepare("SELECT * FROM nowhere")));
            assertEquals("42P01", table.sqlState());
            assertEquals(Optional.of(1), spi.getOne(spi.prepare("SELECT 1"), Integer.class));
        }
    }

    @Test
    void aStatementSurvivesDdlOnItsTable() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE evolving(a int)");
            spi.run("INSERT INTO evolving VALUES (1)");
            SpiStatement all = spi.prepare("SELECT * FROM evolving").keep();
            assertEquals(1, spi.select(all).columnCount());
            spi.run("ALTER TABLE evolving ADD COLUMN b text DEFAULT 'new'");
            assertEquals("new", spi.select(all).first().getString("b"), "the plan is rebuilt");
            all.free();
        }
    }

    /** Plans in this backend's plan cache whose query text contains {@code marker}. */
    private static long plansWith(String marker) {
        return Spi.getOne("SELECT count(*) FROM pg_backend_memory_contexts WHERE ident LIKE '%' || $1 || '%'", Long.class,
                marker).orElseThrow();
    }

    @Test
    void plansAreFreedWithTheirScopeUnlessKept() {
        SpiStatement kept;
        try (SpiConnection spi = Spi.connect()) {
            spi.prepare("SELECT 1 /* scoped statement */");
            kept = spi.prepare("SELECT 1 /* kept statement */").keep();
            assertTrue(plansWith("scoped statement") > 0);
        }
        assertEquals(0L, plansWith("scoped statement"), "freed with the scope");
        assertTrue(plansWith("kept statement") > 0);
        kept.free();
        assertEquals(0L, plansWith("kept statement"));

        SpiStatement[] orphan = new SpiStatement[1];
        assertThrows(PgException.class, () -> Subtransaction.run(() -> {
            SpiConnection spi = Spi.connect();
            orphan[0] = spi.prepare("SELECT 1 /* orphaned statement */");
            spi.run("SELECT 1/0");
        }));
        assertFalse(orphan[0].isUsable(), "the rollback ended its scope");
        try (SpiConnection spi = Spi.connect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> spi.run(orphan[0]));
            assertTrue(e.getMessage().contains("ended with the SPI connection scope"), e.getMessage());
        }
        assertEquals(0L, plansWith("orphaned statement"), "the next scope freed its plan");
    }

    @Test
    void getOneOfAPreparedQueryStopsAtTheFirstRowButDmlRunsToCompletion() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP SEQUENCE first_row_seq");
            spi.run("CREATE TEMP TABLE first_row(i int)");
            SpiStatement query = spi.prepare("SELECT nextval('first_row_seq') FROM generate_series(1, 10)");
            assertEquals(Optional.of(1L), spi.getOne(query, Long.class));
            assertEquals(Optional.of(2L), spi.getOne("SELECT nextval('first_row_seq')", Long.class),
                    "like PL/pgSQL's SELECT INTO, the query stopped after its first row");
            SpiStatement insert = spi.prepare("INSERT INTO first_row SELECT generate_series(1, 10) RETURNING i");
            assertEquals(Optional.of(1), spi.getOne(insert, Integer.class));
            SpiStatement withCte = spi.prepare("WITH ins AS (INSERT INTO first_row SELECT generate_series(1, 5) RETURNING i) "
                    + "SELECT i FROM ins");
            assertEquals(Optional.of(1), spi.getOne(withCte, Integer.class));
            assertEquals(Optional.of(15L), spi.getOne("SELECT count(*) FROM first_row", Long.class),
                    "every row was inserted, by the INSERT and by the data-modifying WITH");
        }
    }
}
