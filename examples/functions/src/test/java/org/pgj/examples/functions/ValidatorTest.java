package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;

/**
 * Every generated function passes the language's validator, which CREATE FUNCTION runs (CREATE
 * EXTENSION does not), except the one whose record does not fit its table's row type: the
 * validator gives the error its first call gives.
 */
@PgjTest
class ValidatorTest {
    @Test
    void everyFunctionOfTheExtensionValidatesButTheMismatchedOne(Connection c) throws SQLException {
        assertEquals(List.of("short_stock(): 42P13 function short_stock(): Java record"
                + " org.pgj.examples.functions.Mismatches$ShortStock of the result has 1 components but SQL type inventory"
                + " has 2 fields"), Sql.validationFailures(c));
    }
}
