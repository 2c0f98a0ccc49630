package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** name, bpchar, varchar, text, cstring and bytea (copied and as a view). */
@PgjTest
class StringsTest {
    private static final String UNICODE = "'héllo wörld 😀 ✓ 日本語'";

    @Test
    void stringTypesRoundTripUnicode(Connection c) throws SQLException {
        roundTrips(c, "echo_text", "text", "=", "''", UNICODE, "'a' || chr(1) || 'b'", "repeat('x', 100000)");
        roundTrips(c, "echo_varchar", "varchar(10)", "=", "''", "'😀😀😀'", "'ten chars!'");
        roundTrips(c, "echo_bpchar", "char(5)", "=", "'ab'", "'😀'", "''");
        roundTrips(c, "echo_name", "name", "=", "''", UNICODE, "'pg_class'");
        assertEquals(5, one(c, "SELECT java_length('ab'::char(5))"), "bpchar keeps its padding in Java, as the value stores it");
        assertEquals("ab", text(c, "SELECT echo_bpchar('ab'::char(5))::text"), "the server's own cast to text trims it");
        assertEquals(one(c, "SELECT length(" + UNICODE + ")"), one(c, "SELECT code_points(" + UNICODE + ")"),
                "Java sees the same characters as the server's length()");
    }

    @Test
    void tooLongANameIsCutAsTheServerCutsIt(Connection c) throws SQLException {
        String longName = "'" + "é".repeat(40) + "'";
        assertEquals(text(c, "SELECT " + longName + "::name::text"),
                text(c, "SELECT echo_name(" + longName + "::text::name)::text"));
        assertEquals(31, one(c, "SELECT code_points(" + longName + ")"), "63 bytes hold 31 two-byte characters");
    }

    @Test
    void cstring(Connection c) throws SQLException {
        assertEquals("abc 😀", text(c, "SELECT echo_cstring('abc 😀'::cstring)::text"));
        assertEquals("", text(c, "SELECT echo_cstring(''::cstring)::text"));
    }

    @Test
    void anyTypeAsAString(Connection c) throws SQLException {
        assertEquals("08:00:2b:01:02:03", text(c, "SELECT upper_macaddr('08:00:2b:01:02:03')::text"),
                "the text form, through macaddr's own output and input (which reads upper case)");
        assertEquals(true, one(c, "SELECT upper_macaddr(m) = m FROM (SELECT '08:00:2b:01:02:03'::macaddr m) t"));
    }

    @Test
    void nulInJavaTextIsRefused(Connection c) throws SQLException {
        fails(c, "SELECT chr(0)", "54000"); // the server cannot even make one
        fails(c, "SELECT convert_from('\\x00'::bytea, 'UTF8')", "22021");
        fails(c, "SELECT with_code_point('a', 0)", "22021");
        assertEquals("a😀", text(c, "SELECT with_code_point('a', 128512)"));
    }

    @Test
    void byteaRoundTrips(Connection c) throws SQLException {
        roundTrips(c, "echo_bytea", "bytea", "=", "''", "'\\x00ff7f80'", "decode(repeat('00ff', 50000), 'hex')");
        assertArrayEquals(new byte[] {0, -1, 1}, (byte[]) one(c, "SELECT echo_bytea('\\x00ff01')"));
    }

    @Test
    void byteaViewReadsTheServersBytes(Connection c) throws SQLException {
        assertEquals(one(c, "SELECT sum(get_byte(b, i))::int8 FROM (SELECT '\\x00ff7f80'::bytea b) t,"
                + " generate_series(0, 3) i"), one(c, "SELECT byte_sum('\\x00ff7f80')"));
        assertEquals(0L, one(c, "SELECT byte_sum('')"));
        assertEquals("\\x7f80", text(c, "SELECT tail('\\x00ff7f80', 2)::text"));
        assertEquals("\\x", text(c, "SELECT tail('\\x00ff', 5)::text"));
    }

    @Test
    void aKeptViewIsClosedAfterTheCall(Connection c) throws SQLException {
        assertEquals("kept 3 bytes", text(c, "SELECT keep_view('\\x010203')"));
        assertEquals("closed", text(c, "SELECT keep_view(NULL)"), "using the view after its call throws, never crashes");
    }

    @Test
    void toastedValues(Connection c) throws SQLException {
        exec(c, "CREATE TEMP TABLE big(t text, b bytea)");
        // Compressible and incompressible, so both compressed and out-of-line values are read.
        exec(c, "INSERT INTO big VALUES (repeat('abc😀', 300000), decode(repeat('ab', 500000), 'hex'))");
        exec(c, "INSERT INTO big SELECT string_agg(md5(i::text), ''), decode(string_agg(md5(i::text), ''), 'hex')"
                + " FROM generate_series(1, 40000) i");
        assertEquals(0L, one(c, "SELECT count(*) FROM big WHERE echo_text(t) <> t OR echo_bytea(b) <> b"));
        // The server's own sum of the bytes, over a detoasted copy (get_byte on the TOASTed value would fetch it each time).
        assertEquals(true, one(c, "WITH d AS MATERIALIZED (SELECT b || ''::bytea AS b FROM big)"
                + " SELECT bool_and(byte_sum(b) = (SELECT sum(get_byte(b, i)) FROM generate_series(0, length(b) - 1) i)) FROM d"));
        assertEquals(one(c, "SELECT sum(length(t)) FROM big"), one(c, "SELECT sum(length(echo_text(t))) FROM big"));
    }
}
