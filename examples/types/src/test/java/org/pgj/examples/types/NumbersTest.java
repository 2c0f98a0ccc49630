package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** "char", numeric and integer narrowing, against the server's own casts and operators. */
@PgjTest
class NumbersTest {
    @Test
    void charRoundTripsEveryByte(Connection c) throws SQLException {
        roundTrips(c, "echo_char", "\"char\"", "=", "'a'", "'\\'", "' '", "'\"'");
        // All 256 values: "char" is one signed byte; compare as the server's own int cast.
        assertEquals(0L, one(c, "SELECT count(*) FROM generate_series(-128, 127) i"
                + " WHERE echo_char(i::\"char\")::int <> i"));
        assertEquals("b", text(c, "SELECT next_char('a')"));
        assertEquals(-128, one(c, "SELECT next_char(127::\"char\")::int"), "wraps as a Java byte");
    }

    @Test
    void numericRoundTripsWithEdgeValues(Connection c) throws SQLException {
        roundTrips(c, "echo_numeric", "numeric", "=", "0", "-0.000", "1.50", "-123456789.123456789",
                "'NaN'", "'Infinity'", "'-Infinity'", "1e-300", "9.99e130000",
                "repeat('9', 1000) || '.' || repeat('1', 1000)");
        roundTrips(c, "echo_decimal", "numeric", "=", "0", "12.500", "-1e-16383",
                "repeat('7', 1000)", "'0.' || repeat('0', 999) || '1'");
        assertEquals(true, one(c, "SELECT echo_numeric(x) = x FROM (SELECT repeat('1234567890', 100)::numeric / 7 x) t"),
                "a value with 1000 digits computed by the server");
    }

    @Test
    void numericAsJavaSeesIt(Connection c) throws SQLException {
        assertEquals("scale 3: 1.500", text(c, "SELECT describe_numeric(1.500)"), "the scale is kept");
        assertEquals("not a number", text(c, "SELECT describe_numeric('NaN')"));
        assertEquals("+infinity", text(c, "SELECT describe_numeric('Infinity')"));
        assertEquals("-infinity", text(c, "SELECT describe_numeric('-Infinity')"));
        BigDecimal big = new BigDecimal("9".repeat(1000) + "." + "1".repeat(1000));
        assertEquals(big.add(BigDecimal.ONE).toPlainString(), text(c, "SELECT add_decimals(?::numeric, 1)::text",
                big.toPlainString()));
        assertEquals(true, one(c, "SELECT add_decimals(x, y) = x + y FROM (VALUES (0.1, 0.2), (-5, 5.00),"
                + " (1e100, 1e-100)) v(x, y)"));
    }

    @Test
    void bigDecimalCannotHoldNaN(Connection c) throws SQLException {
        // The server's own numeric → integer cast says 0A000 for NaN and infinity; so does pgj.
        fails(c, "SELECT 'NaN'::numeric::int", "0A000");
        fails(c, "SELECT add_decimals('NaN', 1)", "0A000");
        fails(c, "SELECT add_decimals('Infinity', 1)", "0A000");
    }

    @Test
    void longAsIntegerMustFit(Connection c) throws SQLException {
        assertEquals(2147483647, one(c, "SELECT narrow(2147483647)"));
        assertEquals(-2147483648, one(c, "SELECT narrow(-2147483648)"));
        fails(c, "SELECT 2147483648::int8::int4", "22003");
        fails(c, "SELECT narrow(2147483648)", "22003");
        fails(c, "SELECT narrow(-2147483649)", "22003");
        assertEquals(-32768, ((Number) one(c, "SELECT narrow_to_smallint(-32768)")).intValue());
        fails(c, "SELECT narrow_to_smallint(32768)", "22003");
        assertTrue(text(c, "SELECT pg_typeof(narrow(1))::text").equals("integer"));
    }
}
