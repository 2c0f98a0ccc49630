package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.Sql;

/**
 * Every generated function passes the language's validator, which CREATE FUNCTION runs (CREATE
 * EXTENSION does not), except the one declared with a SQL type its Java type cannot hold: the
 * validator gives the error its first call gives (ArraysTest).
 */
@PgjTest
class ValidatorTest {
    @Test
    void everyFunctionOfTheExtensionValidatesButTheMismatchedOne(Connection c) throws SQLException {
        assertEquals(List.of("mismatched(text[]): 42P13 function mismatched(text[]): Java type int of the parameter $1"
                + " (values) (array element) cannot hold SQL type text"), Sql.validationFailures(c));
    }
}
