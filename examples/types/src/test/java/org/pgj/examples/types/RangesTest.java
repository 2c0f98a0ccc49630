package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** The six built-in range types: bounds inclusive, exclusive, infinite, and the empty range. */
@PgjTest
class RangesTest {
    @Test
    void everyRangeTypeRoundTrips(Connection c) throws SQLException {
        roundTrips(c, "echo_int4range", "int4range", "=", "'[1,5)'", "'empty'", "'(,)'", "'[-2147483648,2147483647)'",
                "'(,3]'", "'[7,)'");
        roundTrips(c, "echo_int8range", "int8range", "=", "'[-9223372036854775808,9223372036854775807)'", "'empty'", "'(1,)'");
        roundTrips(c, "echo_numrange", "numrange", "=", "'(1.50,2.5]'", "'empty'", "'(,)'", "'[-1e100,1e100)'");
        roundTrips(c, "echo_daterange", "daterange", "=", "'[2024-02-29,2024-03-01)'", "'[-infinity,infinity)'",
                "'[4714-11-24 BC,5874897-12-30]'", "'empty'");
        roundTrips(c, "echo_tsrange", "tsrange", "=", "'(2024-01-01 00:00,2024-01-01 00:00:00.000001]'", "'(,infinity]'",
                "'empty'");
        roundTrips(c, "echo_tstzrange", "tstzrange", "=", "'[2024-01-01 00:00+00,2024-06-01 00:00+02)'", "'(-infinity,)'",
                "'empty'");
    }

    @Test
    void rangesAsJavaSeesThem(Connection c) throws SQLException {
        assertEquals("[1,6)", text(c, "SELECT describe_range('[1,5]')"), "discrete ranges come canonical");
        assertEquals("(,3)", text(c, "SELECT describe_range('(,2]')"));
        assertEquals("empty", text(c, "SELECT describe_range('[3,3)')"));
        assertEquals(0L, one(c, "SELECT count(*) FROM (VALUES ('[1,5)'::int8range), ('(,3]'), ('[7,)'), ('empty'), ('(,)'))"
                + " r(r), generate_series(-2, 10) v WHERE range_contains(r, v) <> (r @> v::int8)"), "Java agrees with @>");
    }

    @Test
    void rangesBuiltInJava(Connection c) throws SQLException {
        assertEquals("[1,6)", text(c, "SELECT closed_range(1, 5)::text"), "the server canonicalizes it");
        assertEquals(true, one(c, "SELECT closed_range(NULL, 5) = int4range(NULL, 5, '[]')"), "a null bound is infinite");
        assertEquals("[3,4)", text(c, "SELECT closed_range(3, 3)::text"));
    }

    @Test
    void anUpperBoundBelowTheLowerIsTheServersError(Connection c) throws SQLException {
        fails(c, "SELECT int4range(5, 1)", "22000");
        fails(c, "SELECT closed_range(5, 1)", "22000");
    }
}
