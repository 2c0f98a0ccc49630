package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.pgj.test.ValidatedFunctions;

/** The language's validator on trigger functions: the method must take a Trigger, as at the first firing. */
@PgjTest
class ValidatorTest implements ValidatedFunctions {
    @Test
    void aTriggerFunctionMustTakeATrigger(Connection c) throws SQLException {
        contains(fails(c, "create function checked() returns trigger language pgj_triggers as 'java.lang.Math.abs(int)'",
                "42P13").getMessage(), "must take exactly one parameter, a org.pgj.triggers.Trigger");
        contains(fails(c, "create function checked() returns trigger language pgj_triggers"
                + " as 'org.pgj.examples.triggers.AuditLog.logEvent(int)'", "42883").getMessage(), "no public static method");
        exec(c, "create function checked() returns trigger language pgj_triggers"
                + " as 'org.pgj.examples.triggers.Customers.passThrough(org.pgj.triggers.Trigger)'",
                "create temp table checked_rows(i int)",
                "create trigger checked before insert on checked_rows for each row execute function checked()",
                "insert into checked_rows values (1)");
        assertEquals(1L, one(c, "select count(*) from checked_rows"));
        exec(c, "drop table checked_rows", "drop function checked()");
    }
}
