package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** A type of the extension's own (Money, @MappedBy a TypeConverter), alone and in arrays. */
@PgjTest
class MappedByTest {
    @Test
    void moneyTravelsAsNumeric(Connection c) throws SQLException {
        assertEquals(1999L, one(c, "SELECT cents(19.99)"));
        assertEquals(new BigDecimal("30.49"), one(c, "SELECT total('{19.99, 10.50}')"));
        assertEquals(new BigDecimal("0.00"), one(c, "SELECT total('{}')"));
        assertEquals("numeric", one(c, "SELECT pg_typeof(total('{1}'))::text"));
    }

    @Test
    void aTypeMappedToADomainOfTheExtensionsOwn(Connection c) throws SQLException {
        assertEquals("1.3.0", one(c, "SELECT bump_minor('1.2.3')"));
        assertEquals("semver", one(c, "SELECT pg_typeof(bump_minor('1.2.3'))::text"));
        assertEquals(true, one(c, "SELECT bump_minor(v) = '10.21.0'::semver FROM (VALUES ('10.20.30'::semver)) t(v)"));
        fails(c, "SELECT bump_minor('1.2')", "23514"); // the domain refuses it on the way in
        fails(c, "SELECT with_major('1.2.3', -1)", "23514"); // and Java's -1.2.3 on the way out
    }

    @Test
    void theConvertersErrorsAreErrors(Connection c) throws SQLException {
        fails(c, "SELECT cents(0.001)", "22003"); // longValueExact: an ArithmeticException
    }
}
