package org.pgj.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link PgjTest} class that implements this checks that every function of the extension passes
 * the language's validator, as {@code CREATE FUNCTION} would run it ({@code CREATE EXTENSION} does
 * not): that each one's class, method and types resolve, without calling any.
 */
public interface ValidatedFunctions {
    /** The failures the extension means to have, as {@link Sql#validationFailures} writes them; none unless overridden. */
    default List<String> expectedValidationFailures() {
        return List.of();
    }

    @Test
    default void everyFunctionOfTheExtensionValidates(Connection c) throws SQLException {
        assertEquals(expectedValidationFailures(), Sql.validationFailures(c));
    }
}
