package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.examples.types.Sql.fails;
import static org.pgj.examples.types.Sql.one;

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
    void theConvertersErrorsAreErrors(Connection c) throws SQLException {
        fails(c, "SELECT cents(0.001)", "22003"); // longValueExact: an ArithmeticException
    }
}
