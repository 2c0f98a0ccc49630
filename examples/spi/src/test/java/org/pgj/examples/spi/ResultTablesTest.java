package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.spi.NoRowsException;
import org.pgj.spi.NoSuchColumnException;
import org.pgj.spi.NoTupleTableException;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiResult;
import org.pgj.spi.SpiRow;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.pgj.types.Numeric;
import org.pgj.types.Oid;
import org.pgj.types.Range;
import org.pgj.types.RegClass;

/** Result tables: iteration, typed getters by ordinal and name, column metadata, NULLs and edge values. */
@PgjTest
@InBackend
class ResultTablesTest {

    record Item(int id, String label) {
    }

    @Test
    void iterateSizeFirstAndRows() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult r = spi.select("SELECT g AS id, 'item ' || g AS label FROM generate_series(1, 4) g");
            assertEquals(4, r.size());
            assertFalse(r.isEmpty());
            assertEquals(1, r.first().getInt("id"));
            assertEquals("item 3", r.row(2).getString(2));
            assertEquals(2, r.row(2).index());
            List<Integer> ids = new ArrayList<>();
            for (SpiRow row : r) {
                ids.add(row.getInt(1));
            }
            assertEquals(List.of(1, 2, 3, 4), ids);
            assertEquals(10, r.stream().mapToInt(row -> row.getInt("id")).sum());
            assertEquals(List.of(new Item(1, "item 1"), new Item(2, "item 2")), r.as(Item.class).subList(0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> r.row(4));
            assertThrows(IndexOutOfBoundsException.class, () -> r.row(-1));

            SpiResult empty = spi.select("SELECT 1 AS one WHERE false");
            assertTrue(empty.isEmpty());
            assertEquals(0, empty.size());
            assertEquals(List.of("one"), empty.columnNames(), "an empty result still has its columns");
            assertFalse(empty.iterator().hasNext());
            assertThrows(NoRowsException.class, empty::first);
        }
    }

    @Test
    void columnNamesTypesAndOrdinals() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult r = spi.select("SELECT 1 AS a, 'x'::text AS b, 2::int8 AS \"Mixed Case\", now() AS ts, 1 AS a");
            assertEquals(5, r.columnCount());
            assertEquals(List.of("a", "b", "Mixed Case", "ts", "a"), r.columnNames());
            assertEquals("b", r.columnName(2));
            assertEquals(23, r.columnType(1));
            assertEquals(25, r.columnType(2));
            assertEquals(20, r.columnType(3));
            assertEquals("timestamp with time zone", r.columnTypeName(4));
            assertEquals(3, r.columnOrdinal("Mixed Case"));
            assertEquals(1, r.columnOrdinal("a"), "the first of two columns with one name");
            assertEquals(2L, r.first().getLong("Mixed Case"));
            NoSuchColumnException byName = assertThrows(NoSuchColumnException.class, () -> r.first().getInt("mixed case"));
            assertEquals("column \"mixed case\" does not exist: the result has [a, b, Mixed Case, ts, a]", byName.getMessage());
            NoSuchColumnException zero = assertThrows(NoSuchColumnException.class, () -> r.first().getInt(0));
            assertEquals("42703", zero.sqlState());
            assertThrows(NoSuchColumnException.class, () -> r.columnName(6));
            assertEquals(1, r.first().getInt(1), "the row is still readable");
        }
    }

    @Test
    void aStatementWithoutRowsHasNoTupleTable() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult created = spi.update("CREATE TEMP TABLE plain(i int)");
            assertFalse(created.hasTupleTable());
            assertEquals(0, created.processed());
            NoTupleTableException e = assertThrows(NoTupleTableException.class, created::size);
            assertEquals("42601", e.sqlState());
            assertEquals("UTILITY does not return tuples", e.getMessage());
            assertThrows(NoTupleTableException.class, created::iterator);
            assertThrows(NoTupleTableException.class, created::first);
            assertThrows(NoTupleTableException.class, created::columnNames);
            SpiResult inserted = spi.update("INSERT INTO plain SELECT generate_series(1, 3)");
            assertFalse(inserted.hasTupleTable());
            assertEquals(3, inserted.processed());
            assertThrows(NoTupleTableException.class, inserted::isEmpty);
            assertTrue(spi.update("INSERT INTO plain VALUES (4) RETURNING i").hasTupleTable());
        }
    }

    @Test
    void everyCoreTypeWithEdgeValues() {
        try (SpiConnection spi = Spi.connect()) {
            SpiRow min = spi.select("SELECT false, (-32768)::int2, (-2147483648)::int4, (-9223372036854775808)::int8,"
                    + " '-Infinity'::float4, 'NaN'::float8, ''::text, ''::varchar, 'a'::char(3), ''::bytea").first();
            assertFalse(min.getBoolean(1));
            assertEquals(Short.MIN_VALUE, min.getShort(2));
            assertEquals(Integer.MIN_VALUE, min.getInt(3));
            assertEquals(Long.MIN_VALUE, min.getLong(4));
            assertEquals(Float.NEGATIVE_INFINITY, min.getFloat(5));
            assertTrue(Double.isNaN(min.getDouble(6)));
            assertEquals("", min.getString(7));
            assertEquals("", min.getString(8));
            assertEquals("a  ", min.getString(9), "bpchar keeps its padding");
            assertArrayEquals(new byte[0], min.getBytes(10));

            SpiRow max = spi.select("SELECT true, 32767::int2, 2147483647::int4, 9223372036854775807::int8,"
                    + " 3.4028235e38::float4, 1.7976931348623157e308::float8, 'ünï 😀'::text, repeat('x', 300000),"
                    + " '\\x00ff00'::bytea, 4.9e-324::float8").first();
            assertTrue(max.getBoolean(1));
            assertEquals(Short.MAX_VALUE, max.getShort(2));
            assertEquals(Integer.MAX_VALUE, max.getInt(3));
            assertEquals(Long.MAX_VALUE, max.getLong(4));
            assertEquals(Float.MAX_VALUE, max.getFloat(5));
            assertEquals(Double.MAX_VALUE, max.getDouble(6));
            assertEquals("ünï 😀", max.getString(7));
            assertEquals(300000, max.getString(8).length());
            assertArrayEquals(new byte[] {0, -1, 0}, max.getBytes(9));
            assertEquals(Double.MIN_VALUE, max.getDouble(10));
        }
    }

    @Test
    void toastedValuesInATableReadBack() {
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE big(id int, t text, b bytea)");
            spi.run("INSERT INTO big VALUES (1, repeat('abc', 100000), decode(repeat('00ff', 50000), 'hex'))");
            spi.run("INSERT INTO big SELECT 2, string_agg(md5(g::text), ''), NULL FROM generate_series(1, 10000) g");
            SpiResult r = spi.select("SELECT t, b FROM big ORDER BY id");
            assertTrue("abc".repeat(100000).equals(r.first().getString("t")), "compressed in line");
            assertEquals(100000, r.first().getBytes("b").length);
            assertEquals((byte) 0xff, r.first().getBytes("b")[99999]);
            String outOfLine = r.row(1).getString(1);
            assertEquals(320000, outOfLine.length(), "stored out of line");
            assertTrue(outOfLine.startsWith("c4ca4238a0b923820dcc509a6f75849b"), "md5('1') first");
        }
    }

    @Test
    void nullsReadAsNullOptionalOrAClearError() {
        try (SpiConnection spi = Spi.connect()) {
            SpiRow row = spi.select("SELECT NULL::int AS n, NULL::text AS t, NULL::bytea AS b, NULL::bool AS f").first();
            assertTrue(row.isNull(1));
            assertTrue(row.isNull("t"));
            assertNull(row.get("n", Integer.class));
            assertNull(row.get(1));
            assertNull(row.getString("t"));
            assertNull(row.getBytes(3));
            assertEquals(Optional.empty(), row.getOptional("n", Integer.class));
            assertEquals(Optional.empty(), row.getOptional(4, boolean.class));
            PgException e = assertThrows(PgException.class, () -> row.getInt("n"));
            assertEquals("22004", e.sqlState());
            assertEquals("column 1 (n) is NULL, which a Java int cannot hold", e.getMessage());
            assertThrows(PgException.class, () -> row.getBoolean(4));
            assertThrows(PgException.class, () -> row.get(1, int.class));
            assertFalse(spi.select("SELECT 0").first().isNull(1));
        }
    }

    @Test
    void gettersConvertBetweenIntegerWidthsWhenTheValueFits() {
        try (SpiConnection spi = Spi.connect()) {
            SpiRow row = spi.select("SELECT 7::int2, 7::int4, 7::int8, 3000000000::int8, 1.5::float4, 40000::int4").first();
            assertEquals(7L, row.getLong(1));
            assertEquals(7L, row.getLong(2));
            assertEquals(7, row.getInt(3));
            assertEquals((short) 7, row.getShort(3));
            assertEquals(7.0, row.getDouble(2));
            assertEquals(1.5, row.getDouble(5));
            assertEquals(Optional.of(7L), row.getOptional(2, Long.class));
            PgException tooBig = assertThrows(PgException.class, () -> row.getInt(4));
            assertEquals("22003", tooBig.sqlState());
            assertEquals("column 4 (int8) = 3000000000 is out of range for a Java int", tooBig.getMessage());
            assertThrows(PgException.class, () -> row.getShort(6));
        }
    }

    @Test
    void aTypeMismatchIsAClearError() {
        try (SpiConnection spi = Spi.connect()) {
            SpiRow row = spi.select("SELECT 'text'::text AS t, 1 AS i, true AS b").first();
            PgException e = assertThrows(PgException.class, () -> row.getInt("t"));
            assertEquals("42804", e.sqlState());
            assertEquals("column 1 (t) is of type text, which cannot be read as a Java int", e.getMessage());
            assertThrows(PgException.class, () -> row.getString("i"));
            assertThrows(PgException.class, () -> row.getBytes("t"));
            assertThrows(PgException.class, () -> row.getLong("b"));
            assertThrows(PgException.class, () -> row.get("t", Integer.class));
            assertThrows(PgException.class, () -> row.getFloat("i"));
            assertEquals("text", row.getString("t"));
        }
    }

    @Test
    void getWithoutATypeGivesTheNaturalJavaValue() {
        try (SpiConnection spi = Spi.connect()) {
            SpiRow row = spi.select("SELECT true, 1::int2, 2, 3::int8, 1.5::float4, 2.5::float8, 'x', '\\x01'::bytea,"
                    + " 1.50::numeric, '2024-01-02'::date, '{\"a\": 1}'::jsonb, 'pg_class'::regclass, 42::oid,"
                    + " 'NaN'::numeric, '{1,NULL,3}'::int4[], '[1,5)'::int4range, row(1, 'a'),"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '2024-01-02 03:04:05+00'::timestamptz").first();
            assertEquals(true, row.get(1));
            assertEquals((short) 1, row.get(2));
            assertEquals(2, row.get(3));
            assertEquals(3L, row.get(4));
            assertEquals(1.5f, row.get(5));
            assertEquals(2.5, row.get(6));
            assertEquals("x", row.get(7));
            assertArrayEquals(new byte[] {1}, (byte[]) row.get(8));
            assertEquals(Numeric.of(new BigDecimal("1.50")), row.get(9));
            assertEquals(LocalDate.of(2024, 1, 2), row.get(10));
            assertEquals("{\"a\": 1}", row.get(11));
            assertEquals(new RegClass(new Oid(1259)), row.get(12));
            assertEquals(new Oid(42), row.get(13));
            assertEquals(Numeric.NAN, row.get(14));
            assertEquals(Arrays.asList(1, null, 3), row.get(15));
            assertEquals(Range.closedOpen(1, 5), row.get(16));
            assertEquals("(1,a)", row.get(17), "a type with no Java mapping reads as its text form");
            assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), row.get(18));
            assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), row.get(19));
            assertEquals("pg_class", row.getString(12));
            assertEquals("42", row.get(13, String.class));
            assertEquals(new BigDecimal("1.50"), row.get(9, BigDecimal.class));
            assertEquals(2, row.get(3, Object.class), "Object.class asks for the natural value");
        }
    }

    @Test
    void largeResults() {
        try (SpiConnection spi = Spi.connect()) {
            SpiResult r = spi.select("SELECT g, g::text, CASE WHEN g % 2 = 0 THEN NULL ELSE g END FROM generate_series(1, 100000) g");
            assertEquals(100000, r.size());
            long sum = 0;
            int nulls = 0;
            for (SpiRow row : r) {
                sum += row.getLong(1);
                assertEquals(Integer.toString(row.getInt(1)), row.getString(2));
                nulls += row.isNull(3) ? 1 : 0;
            }
            assertEquals(5000050000L, sum);
            assertEquals(50000, nulls);
        }
    }
}
