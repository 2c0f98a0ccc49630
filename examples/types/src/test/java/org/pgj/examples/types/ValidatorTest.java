package org.pgj.examples.types;

import java.util.List;
import org.pgj.test.PgjTest;
import org.pgj.test.ValidatedFunctions;

/**
 * Every generated function passes the language's validator, except the one declared with a SQL
 * type its Java type cannot hold: the validator gives the error its first call gives (ArraysTest).
 */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    @Override
    public List<String> expectedValidationFailures() {
        return List.of("mismatched(text[]): 42P13 function mismatched(text[]): Java type int of the parameter $1"
                + " (values) (array element) cannot hold SQL type text");
    }
}
