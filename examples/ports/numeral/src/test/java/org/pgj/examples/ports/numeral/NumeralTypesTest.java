package org.pgj.examples.ports.numeral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * The port against a hostile user, beyond what the original's suite and the port's own regress
 * suite show: bigint's wire format for binary clients and COPY, a LATIN1 database, an ordinary
 * user, llvmjit compiling the I/O, a cancelled statement, and no crash in the server log.
 */
@PgjTest
class NumeralTypesTest {
    @Test
    void theWireFormatIsBigints(Connection c, PgServer server) throws SQLException {
        assertArrayEquals(ByteBuffer.allocate(8).putLong(-42).array(), (byte[]) one(c, "select numeral_send('minus forty-two')"));
        assertArrayEquals((byte[]) one(c, "select int8send(1994)"), (byte[]) one(c, "select roman_send('MCMXCIV')"));
        long oid = (Long) one(c, "select 'zahl'::regtype::oid::int8");
        Properties props = new Properties();
        props.setProperty("prepareThreshold", "-1");
        props.setProperty("binaryTransfer", "true");
        props.setProperty("binaryTransferEnable", Long.toString(oid));
        try (Connection binary = new org.postgresql.Driver().connect(server.jdbcUrl(), props);
             PreparedStatement ps = binary.prepareStatement("select 'dreizehn'::zahl, null::zahl where ? = 1")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertArrayEquals(ByteBuffer.allocate(8).putLong(13).array(), rs.getBytes(1));
                assertEquals(null, rs.getBytes(2));
            }
        }
    }

    @Test
    void binaryCopyOfABigintColumnLoadsIntoTheTypes(Connection c) throws Exception {
        exec(c, "drop table if exists ints, words, again", "create temp table ints(a bigint, b bigint, c bigint)",
                "create temp table words(n numeral, z zahl, r roman)", "create temp table again(n numeral, z zahl, r roman)",
                "insert into ints values (0, -1, 1994), (null, 9223372036854775807, -9223372036854775808),"
                        + " (1000000, 21, 10001)");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ByteArrayOutputStream ints = new ByteArrayOutputStream();
        copy.copyOut("copy ints to stdout (format binary)", ints);
        copy.copyIn("copy words from stdin (format binary)", new ByteArrayInputStream(ints.toByteArray()));
        assertEquals(List.of("(zero,\"minus eins\",MCMXCIV)", "(\"one million\",einundzwanzig,10001)"),
                column(c, "select row(n, z, r)::text from words where n is not null order by n::bigint"));
        assertEquals(column(c, "select row(a, b, c)::text from ints order by a nulls last"),
                column(c, "select row(n::bigint, z::bigint, r::bigint)::text from words order by n::bigint nulls last"));
        ByteArrayOutputStream words = new ByteArrayOutputStream();
        copy.copyOut("copy words to stdout (format binary)", words);
        assertArrayEquals(ints.toByteArray(), words.toByteArray(), "the same bytes as the bigint columns'");
        copy.copyIn("copy again from stdin (format binary)", new ByteArrayInputStream(words.toByteArray()));
        assertEquals(3L, one(c, "select count(*) from words join again on words.z::bigint = again.z::bigint"
                + " or words.z is null and again.z is null"));
    }

    @Test
    void aFieldOfAnotherLengthIs22P03(Connection c) throws Exception {
        exec(c, "drop table if exists one_numeral", "create temp table one_numeral(n numeral)");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        PSQLException e = assertThrows(PSQLException.class, () -> copy.copyIn("copy one_numeral from stdin (format binary)",
                new ByteArrayInputStream(copyFile(new byte[] {0, 0, 0, 7}))));
        assertEquals("22P03", e.getSQLState(), e.getMessage());
        contains(e.getMessage(), "a numeral is sent as 8 bytes, as a bigint is; got 4");
        assertEquals(List.of(1), column(c, "select 1"));
    }

    @Test
    void badInputIsTheOriginalsError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select 'twenty-twenty-one'::numeral", "22P02");
        contains(e.getMessage(), "invalid input syntax for type numeral: \"twenty-twenty-one\", syntax error, unexpected TEN, expecting ONE");
        // Deeper than bison's stack: the original's "memory exhausted", not a value it could not read.
        contains(fails(c, "select repeat('I', 9997)::roman", "22P02").getMessage(), "\", memory exhausted");
        fails(c, "select 'zehn Trillionen'::zahl", "22003");
        fails(c, "select '12345678901234567890'::roman", "22003");
        assertEquals(List.of(1), column(c, "select 1"));
    }

    @Test
    void aLatin1DatabaseReadsAndWritesUmlauts(PgServer server) throws SQLException {
        try (Connection admin = server.connect()) {
            exec(admin, "DROP DATABASE IF EXISTS numeral_latin1",
                    "CREATE DATABASE numeral_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        String url = server.jdbcUrl().replace("/" + server.database() + "?", "/numeral_latin1?");
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "CREATE EXTENSION numeral");
            assertEquals(35L, one(c, "select 'fünfunddreißig'::zahl::bigint"));
            assertEquals("zweiundfünfzig", one(c, "select (52::bigint::zahl)::text"));
            assertEquals("zwölf", one(c, "select ('sieben'::zahl + 'fünf')::text"));
            fails(c, "select 'fünf§'::zahl", "22P02");
        }
    }

    @Test
    void anOrdinaryUser(PgServer server, Connection c) throws SQLException {
        exec(c, "DROP ROLE IF EXISTS numeral_user", "CREATE ROLE numeral_user LOGIN");
        try (Connection user = server.connectAs("numeral_user")) {
            assertEquals("one hundred", one(user, "select ('ninety'::numeral + 'ten')::text"));
            exec(user, "create temp table mine(r roman)", "insert into mine values ('XIV'), ('minus IV')");
            assertEquals(10L, one(user, "select sum(r)::bigint from mine"));
            fails(user, "select 'XIV V'::roman", "22P02");
        }
    }

    @Test
    void llvmjitCompilesTheInputAndOutput(Connection c) throws SQLException {
        assumeTrue(Boolean.TRUE.equals(one(c, "select pg_jit_available()")), "this server has no JIT provider (built without LLVM)");
        exec(c, "set jit = on; set jit_above_cost = 0; set jit_inline_above_cost = 0; set jit_optimize_above_cost = 0");
        try {
            assertEquals(5000L, one(c, "select count(*) from generate_series(1, 5000) g"
                    + " where (g::bigint::numeral)::text::numeral::bigint = g and (g::bigint::roman)::text::roman = g"));
            assertEquals(12502500L, one(c, "select sum(z)::bigint from (select (g::bigint::zahl)::text::zahl z from generate_series(1, 5000) g) s"));
        } finally {
            exec(c, "reset jit; reset jit_above_cost; reset jit_inline_above_cost; reset jit_optimize_above_cost");
        }
        assertEquals(List.of(1), column(c, "select 1"));
    }

    @Test
    void aStatementTimeoutStopsTheParsing(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        // 1 s: under the forced-JIT run, compiling a query takes some 100 ms; the parsing would run for minutes.
        exec(c, "set statement_timeout = '1s'");
        try {
            PSQLException e = assertThrows(PSQLException.class, () -> exec(c, "select count(*) from generate_series(1, 100000000) g"
                    + " where (g::bigint::numeral)::text::numeral <> 'zero'::numeral"));
            assertEquals("57014", e.getSQLState(), e.getMessage());
        } finally {
            exec(c, "reset statement_timeout");
        }
        assertEquals(List.of(1), column(c, "select 1"));
        assertEquals("nine", one(c, "select 'IX'::roman::bigint::numeral::text"));
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** A COPY BINARY stream of one row with one column holding {@code field}. */
    private static byte[] copyFile(byte[] field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[8]);
        out.writeBytes(new byte[] {0, 1});
        out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
        out.writeBytes(field);
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff});
        return out.toByteArray();
    }
}
