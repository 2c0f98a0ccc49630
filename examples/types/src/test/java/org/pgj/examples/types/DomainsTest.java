package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** Domains take the base type's Java type; the server checks their constraints both ways. */
@PgjTest
class DomainsTest {
    @Test
    void domainsMapAsTheirBaseType(Connection c) throws SQLException {
        assertEquals(1, one(c, "SELECT decrement(2)"));
        assertEquals("abab", text(c, "SELECT repeat_short('ab', 2)"));
        assertEquals("{2,3}", text(c, "SELECT shift_all('{1,2}', 1)::text"));
        assertEquals("positive_int", text(c, "SELECT pg_typeof(decrement(2))::text"));
    }

    @Test
    void constraintsAreCheckedOnArgumentsAndResults(Connection c) throws SQLException {
        fails(c, "SELECT decrement(0)", "23514");
        fails(c, "SELECT decrement(1)", "23514"); // Java returns 0: the result is checked too
        fails(c, "SELECT repeat_short('abc', 2)", "23514");
        fails(c, "SELECT shift_all('{1,2}', -1)", "23514");
        assertEquals("x", text(c, "SELECT blank_to_null('x')"));
        fails(c, "SELECT NULL::required_text", "23502");
        fails(c, "SELECT blank_to_null(' ')", "23502");
    }
}
