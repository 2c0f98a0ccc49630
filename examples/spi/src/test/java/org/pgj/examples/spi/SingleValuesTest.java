package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Arg;
import org.pgj.spi.NoRowsException;
import org.pgj.spi.NoSuchColumnException;
import org.pgj.spi.NoTupleTableException;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** getOne and getRow, and arguments: inferred, typed, NULL, and the errors of each. */
@PgjTest
@InBackend
class SingleValuesTest {

    record Pair(String name, int n) {
    }

    record Nullable(Optional<String> name, Integer n) {
    }

    record Three(int a, int b, int c) {
    }

    @Test
    void getOneReadsTheFirstColumnOfTheFirstRowTyped() {
        assertEquals(Optional.of(42L), Spi.getOne("SELECT 42::int8", Long.class));
        assertEquals(Optional.of(42), Spi.getOne("SELECT 42", Integer.class));
        assertEquals(Optional.of(42L), Spi.getOne("SELECT 42", Long.class), "an int4 column reads as Long");
        assertEquals(Optional.of("first"), Spi.getOne("SELECT x FROM (VALUES ('first'), ('second')) v(x)", String.class));
        assertEquals(Optional.of(true), Spi.getOne("SELECT true, 1", Boolean.class));
        assertEquals(Optional.of(0.5), Spi.getOne("SELECT 0.5::float8", Double.class));
        assertArrayEquals(new byte[] {1, 2}, Spi.getOne("SELECT '\\x0102'::bytea", byte[].class).orElseThrow());
        assertEquals(Optional.of("12.50"), Spi.getOne("SELECT 12.50::numeric", String.class), "no mapping: the text form");
        assertEquals(Optional.of(Integer.MIN_VALUE), Spi.getOne("SELECT $1", Integer.class, Integer.MIN_VALUE));
    }

    @Test
    void zeroRowsNullAndNoColumnsAreEachDistinct() {
        NoRowsException none = assertThrows(NoRowsException.class, () -> Spi.getOne("SELECT 1 WHERE false", Integer.class));
        assertEquals("P0002", none.sqlState());
        assertEquals("the statement returned no rows", none.getMessage());
        assertEquals(Optional.empty(), Spi.getOne("SELECT NULL::int", Integer.class), "NULL is an empty Optional");
        NoSuchColumnException noColumn = assertThrows(NoSuchColumnException.class, () -> Spi.getOne("SELECT", Integer.class));
        assertEquals("42703", noColumn.sqlState());
        assertEquals("column 1 does not exist: the result has 0 columns, numbered from 1", noColumn.getMessage());
        NoTupleTableException noTable = assertThrows(NoTupleTableException.class,
                () -> Spi.getOne("CREATE TEMP TABLE no_rows(i int)", Integer.class));
        assertEquals("UTILITY does not return tuples", noTable.getMessage());
        assertEquals(Optional.of(1), Spi.getOne("SELECT 1", Integer.class), "a working statement after each");
    }

    @Test
    void insertReturningWorksThroughGetOneAndGetRow() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE ret(id serial PRIMARY KEY, name text, n int)");
            assertEquals(Optional.of(1), spi.getOne("INSERT INTO ret(name, n) VALUES ($1, $2) RETURNING id", Integer.class, "a", 1));
            assertEquals(new Pair("b", 2), spi.getRow("INSERT INTO ret(name, n) VALUES ('b', 2) RETURNING name, n", Pair.class));
            assertEquals(5L, spi.run("INSERT INTO ret(name) SELECT 'many' FROM generate_series(1, 5) RETURNING id"),
                    "every row is inserted, not just the first");
            NoTupleTableException e = assertThrows(NoTupleTableException.class,
                    () -> spi.getOne("INSERT INTO ret(name) VALUES ('c')", Integer.class));
            assertEquals("INSERT does not return tuples", e.getMessage());
            assertEquals(8L, spi.getOne("SELECT count(*) FROM ret", Long.class).orElseThrow());
        }
    }

    @Test
    void typedRowsAreRecords() {
        assertEquals(new Pair("x", 7), Spi.getRow("SELECT 'x', 7", Pair.class));
        assertEquals(new Pair("x", 7), Spi.getRow("SELECT 'x', 7, 'extra columns are ignored'", Pair.class));
        assertEquals(new Nullable(Optional.empty(), null), Spi.getRow("SELECT NULL::text, NULL::int", Nullable.class));
        assertEquals(new Three(1, 2, 3), Spi.getRow("SELECT 1, 2, 3", Three.class));
        NoSuchColumnException few = assertThrows(NoSuchColumnException.class, () -> Spi.getRow("SELECT 1, 2", Three.class));
        assertEquals("the row has 2 columns, too few for the 3 components of record "
                + Three.class.getName(), few.getMessage());
        PgException nullInt = assertThrows(PgException.class, () -> Spi.getRow("SELECT 'x', NULL::int", Pair.class));
        assertEquals("22004", nullInt.sqlState());
        assertThrows(NoRowsException.class, () -> Spi.getRow("SELECT 'x', 1 WHERE false", Pair.class));
    }

    @Test
    void argumentTypesAreInferredFromJavaValues() {
        try (SpiConnection spi = Spi.connect()) {
            assertEquals("integer bigint smallint boolean real double precision text bytea", spi.getOne(
                    "SELECT concat_ws(' ', pg_typeof($1), pg_typeof($2), pg_typeof($3), pg_typeof($4), pg_typeof($5),"
                            + " pg_typeof($6), pg_typeof($7), pg_typeof($8))", String.class,
                    1, 2L, (short) 3, true, 1.5f, 2.5, "s", new byte[] {1}).orElseThrow());
            assertEquals(Optional.of(Long.MAX_VALUE), spi.getOne("SELECT $1", Long.class, Long.MAX_VALUE));
            assertEquals(Optional.of(Short.MIN_VALUE), spi.getOne("SELECT $1", Short.class, Short.MIN_VALUE));
            assertEquals(Optional.of(Double.NaN), spi.getOne("SELECT $1", Double.class, Double.NaN));
            assertEquals(Optional.of(Float.NEGATIVE_INFINITY), spi.getOne("SELECT $1", Float.class, Float.NEGATIVE_INFINITY));
            assertEquals(Optional.of(-0.0), spi.getOne("SELECT $1", Double.class, -0.0));
            assertEquals(Optional.of(""), spi.getOne("SELECT $1", String.class, ""));
            assertEquals(Optional.of("ünï 😀"), spi.getOne("SELECT $1", String.class, "ünï 😀"));
            assertEquals(Optional.of(4), spi.getOne("SELECT length($1)", Integer.class, "ünï😀"));
            assertArrayEquals(new byte[] {0, -1, 0}, spi.getOne("SELECT $1", byte[].class, new byte[] {0, -1, 0}).orElseThrow());
            assertArrayEquals(new byte[0], spi.getOne("SELECT $1", byte[].class, new byte[0]).orElseThrow());
            String big = "x".repeat(1_000_000);
            assertEquals(Optional.of(big), spi.getOne("SELECT $1 || ''", String.class, big), "a value over the TOAST size");
        }
    }

    @Test
    void argumentsWithGivenTypes() {
        try (SpiConnection spi = Spi.connect()) {
            assertEquals(Optional.of("numeric 3.14"), spi.getOne("SELECT pg_typeof($1) || ' ' || $1", String.class,
                    Arg.of("numeric", "3.14")));
            assertEquals(Optional.of("2024-02-29"), spi.getOne("SELECT $1 + 0", String.class, Arg.of("date", "2024-02-29")));
            assertEquals(Optional.of("bigint"), spi.getOne("SELECT pg_typeof($1)::text", String.class, Arg.of("int8", 5)),
                    "an Integer widens to bigint");
            assertEquals(Optional.of("character varying abc"), spi.getOne("SELECT pg_typeof($1) || ' ' || $1", String.class,
                    Arg.of("varchar", "abc")));
            assertEquals(Optional.of(true), spi.getOne("SELECT $1 IS NULL AND pg_typeof($1) = 'int4'::regtype",
                    Boolean.class, Arg.nullOf("int4")));
        }
    }

    @Test
    void untypedNullsTakeTheTypeTheStatementGivesThem() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE nulls(i int, s text, d date)");
            assertEquals(1, spi.run("INSERT INTO nulls VALUES ($1, $2, $3)", null, "s", null));
            assertEquals(1, spi.run("INSERT INTO nulls VALUES ($1, $2, $3)", 1, null, Arg.nullOf("date")));
            assertEquals(Optional.of(2L), spi.getOne("SELECT count(*) FROM nulls WHERE d IS NULL", Long.class));
            assertEquals(Optional.of(0L), spi.getOne("SELECT count(*) FROM nulls WHERE i = $1", Long.class, (Object) null));
            assertEquals(Optional.of(true), spi.getOne("SELECT $1 IS NULL", Boolean.class, (Object) null));
            assertEquals(Optional.of(5), spi.getOne("SELECT coalesce($1, 5)", Integer.class, (Object) null));
            assertEquals(Optional.of(7), spi.getOne("SELECT coalesce($1, $2)", Integer.class, null, 7));
            assertEquals(Optional.empty(), spi.getOne("SELECT $1", String.class, (Object) null));
            try (var cursor = spi.openCursor("SELECT i FROM nulls WHERE i = $1 OR $1 IS NULL", (Object) null)) {
                assertEquals(2, cursor.fetch(10).size());
            }
        }
    }

    @Test
    void badArgumentsGiveClearErrors() {
        try (SpiConnection spi = Spi.connect()) {
            PgException unknownJava = assertThrows(PgException.class, () -> spi.run("SELECT $1", new Object()));
            assertEquals("42804", unknownJava.sqlState());
            assertTrue(unknownJava.getMessage().startsWith("cannot tell the SQL type of argument $1, a Java java.lang.Object"),
                    unknownJava.getMessage());
            PgException wrongJava = assertThrows(PgException.class, () -> spi.run("SELECT $1", Arg.of("date", 5)));
            assertEquals("argument $1 is a Java java.lang.Integer, which cannot become type date", wrongJava.getMessage());
            PgException range = assertThrows(PgException.class, () -> spi.run("SELECT $1", Arg.of("int4", 1L << 40)));
            assertEquals("22003", range.sqlState());
            PgException badText = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.run("SELECT $1", Arg.of("int4", "four"))));
            assertEquals("22P02", badText.sqlState(), "the type's input function refuses it");
            PgException badType = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.run("SELECT $1", Arg.nullOf("no_such_type"))));
            assertEquals("42704", badType.sqlState());
            PgException missing = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.run("SELECT $1 + $2", 1)));
            assertEquals("42P02", missing.sqlState(), "there is no parameter $2");
            PgException nul = assertThrows(PgException.class, () -> spi.run("SELECT $1", "a\u0000"));
            assertEquals("22021", nul.sqlState());
            assertEquals(1, spi.run("SELECT $1", 1), "a working statement after each");
        }
    }

    @Test
    void aNullArrayOfArgumentsIsOneNull() {
        assertEquals(Optional.of(true), Spi.getOne("SELECT $1 IS NULL", Boolean.class, (Object[]) null));
    }
}
