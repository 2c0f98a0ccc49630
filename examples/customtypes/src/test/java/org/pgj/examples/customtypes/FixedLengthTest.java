package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * Base types of a fixed length: {@code celsius} passed by value in two bytes, binary-coercible to
 * {@code smallint}, compared by {@code smallint}'s built-ins and sent in its wire format;
 * {@code coordinate}, 16 bytes by reference; {@code airport_code}, whose codec may write another
 * length than its four bytes.
 */
@PgjTest
class FixedLengthTest {
    @Test
    void theCatalogHasTheStorage(Connection c) throws SQLException {
        assertEquals(List.of(List.of("airport_code", 4, false, "c"), List.of("celsius", 2, true, "s"),
                List.of("coordinate", 16, false, "d")), rows(c, "select typname::text, typlen::int, typbyval, typalign::text"
                        + " from pg_type where typname in ('celsius', 'coordinate', 'airport_code') order by typname"));
        assertEquals(List.of(List.of("b", "e")), rows(c, "select castmethod::text, castcontext::text from pg_cast"
                + " where castsource = 'celsius'::regtype and casttarget = 'smallint'::regtype"));
        assertEquals(List.of("int2eq", "int2lt"), column(c, "select prosrc from pg_proc where proname in ('celsius_eq', 'celsius_lt')"
                + " and prolang = (select oid from pg_language where lanname = 'internal') order by prosrc"));
    }

    @Test
    void passedByValueKeepsTheSignAndTheBuiltinsCompareIt(Connection c) throws SQLException {
        assertEquals(List.of("-3.5C", "0.0C", "-0.5C", "3276.7C", "-3276.8C"), column(c,
                "select t::text from unnest('{-3.5C,0C,-0.5C,3276.7C,-3276.8C}'::celsius[]) t"));
        assertEquals(-35, one(c, "select '-3.5C'::celsius::smallint"));
        assertEquals(true, one(c, "select '-3.5C'::celsius < '-3.4C' and '-0.1C'::celsius = (select warmer('0C', -0.1))"));
        assertEquals("21.5C", one(c, "select warmer('20C', 1.5)::text"));
        assertEquals("{0.0C,NULL,-2.5C,3276.7C}", one(c, "select each_warmer('{-1C,NULL,-3.5C,3275.7C}')::text"));
        exec(c, "drop table if exists temps", "create temp table temps(id int, t celsius, note text)",
                "insert into temps values (1, '-40C', 'x'), (2, null, 'y'), (3, '36.6C', 'z')");
        assertEquals(List.of("-40.0C", "36.6C"), column(c, "select t::text from temps where t is not null order by id"));
        assertEquals(List.of(1), column(c, "select id from temps where t < '0C'"));
        fails(c, "select '3276.8C'::celsius", "22P02");
        fails(c, "select 'warm'::celsius", "22P02");
    }

    @Test
    void celsiusIsSentAsSmallintIsAndCopiesFromIt(Connection c) throws Exception {
        assertArrayEquals((byte[]) one(c, "select int2send(-35::smallint)"), (byte[]) one(c, "select celsius_send('-3.5C')"));
        exec(c, "drop table if exists shorts, temps2", "create temp table shorts(id int, v smallint)",
                "create temp table temps2(id int, t celsius)", "insert into shorts values (1, -32768), (2, null), (3, 215)");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut("copy shorts to stdout (format binary)", out);
        copy.copyIn("copy temps2 from stdin (format binary)", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(List.of("-3276.8C", "21.5C"), column(c, "select t::text from temps2 where t is not null order by id"));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        copy.copyOut("copy temps2 to stdout (format binary)", back);
        assertArrayEquals(out.toByteArray(), back.toByteArray());
        PSQLException e = org.junit.jupiter.api.Assertions.assertThrows(PSQLException.class,
                () -> copy.copyIn("copy temps2 from stdin (format binary)", new ByteArrayInputStream(withFourByteField(out.toByteArray()))));
        assertEquals("22P03", e.getSQLState(), e.getMessage());
        assertEquals(List.of(1), column(c, "select 1"));
    }

    @Test
    void aFixedLengthValueByReference(Connection c) throws Exception {
        exec(c, "drop table if exists places, places2",
                "create temp table places(flag boolean, p coordinate, code airport_code, name text)",
                "create temp table places2(flag boolean, p coordinate, code airport_code, name text)",
                "insert into places values (true, '(49.0097,2.5479)', 'LFPG', 'Paris'), (false, null, null, 'none'),"
                        + " (true, '(-33.9399,151.1753)', 'YSSY', 'Sydney')");
        assertEquals(List.of("(49.0097,2.5479)|LFPG", "(-33.9399,151.1753)|YSSY"),
                column(c, "select p::text || '|' || code::text from places where p is not null order by name"));
        assertEquals("(7.5349,76.8616)", one(c, "select midpoint('(49.0097,2.5479)', '(-33.9399,151.1753)')::text"));
        assertEquals(List.of("Paris"), column(c, "select name from places where p = '(49.0097,2.5479)'"));
        assertEquals("{\"(1.0,2.0)\",NULL}", one(c, "select array[midpoint('(0,0)', '(2,4)'), null]::text"));
        assertEquals("{\"(1.0,2.0)\",\"(3.0,5.0)\"}", one(c, "select midpoints('{\"(0,0)\",\"(2,4)\",\"(4,6)\"}')::text"));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut("copy places to stdout (format binary)", out);
        copy.copyIn("copy places2 from stdin (format binary)", new ByteArrayInputStream(out.toByteArray()));
        assertEquals(column(c, "select row(flag, p, code, name)::text from places order by name"),
                column(c, "select row(flag, p, code, name)::text from places2 order by name"));
        assertEquals(17, ((byte[]) one(c, "select coordinate_send('(1,2)')")).length, "the version byte and the 16 bytes");
    }

    @Test
    void aCodecThatWritesAnotherLengthIsAnError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select 'LFP'::airport_code", "XX000");
        contains(e.getMessage(), "the codec of type airport_code wrote 3 bytes, but the type's internalLength is 4");
        fails(c, "select 'LFPGX'::airport_code", "XX000");
        assertEquals("EGLL", one(c, "select 'EGLL'::airport_code::text"));
    }

    /** The COPY file with its first row's field made four bytes long, as no smallint is. */
    private static byte[] withFourByteField(byte[] copyFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // header (11 + 4 + 4 bytes), then the row: 2 fields; id (length 4 + 4 bytes); t (length 2 + 2 bytes)
        out.write(copyFile, 0, 19 + 2 + 8);
        out.writeBytes(new byte[] {0, 0, 0, 4, 0, 0, 0, 1});
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff});
        return out.toByteArray();
    }
}
