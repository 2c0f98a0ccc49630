package org.pgj.examples.aggregates;

import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.ValidatedFunctions;

/** The language's validator on aggregates' support functions, whose Java-object states are internal. */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    @Test
    void aSupportFunctionIsCheckedAsAtItsFirstCall(Connection c) throws SQLException {
        String add = "'org.pgj.examples.aggregates.JavaAvg.add(org.pgj.examples.aggregates.JavaAvg$Sums,long)'";
        exec(c, "create function checked(internal, bigint) returns internal language pgj_aggregates as " + add,
                "drop function checked(internal, bigint)");
        contains(fails(c, "create function checked(bigint, bigint) returns bigint language pgj_aggregates as " + add,
                "42P13").getMessage(), "JavaAvg$Sums");
    }
}
