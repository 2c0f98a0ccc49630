package org.pgj.examples.functions;

import java.util.List;
import org.pgj.test.PgjTest;
import org.pgj.test.ValidatedFunctions;

/**
 * Every generated function passes the language's validator, except the one whose record does not
 * fit its table's row type: the validator gives the error its first call gives (RowsTest).
 */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    @Override
    public List<String> expectedValidationFailures() {
        return List.of("short_stock(): 42P13 function short_stock(): Java record"
                + " org.pgj.examples.functions.Mismatches$ShortStock of the result has 1 components but SQL type inventory"
                + " has 2 fields");
    }
}
