package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/**
 * A trigger that breaks the rules is a SQL error with the right SQLSTATE, never a crash; each
 * is followed by statements in the same session that work.
 */
@PgjTest
class TriggerErrorsTest {
    @BeforeEach
    void table(Connection c) throws SQLException {
        exec(c, "create temp table victims (id int primary key, name text not null, name_length int)");
    }

    /** Inserts through misbehave(rule), which must fail with sqlState; then the table still takes rows. */
    private static PSQLException insertFails(Connection c, String rule, String sqlState) throws SQLException {
        exec(c, "create or replace trigger victims_bad before insert on victims for each row execute function misbehave('"
                + rule + "')");
        PSQLException e = fails(c, "insert into victims values (1, 'x', null)", sqlState);
        exec(c, "drop trigger victims_bad on victims");
        exec(c, "insert into victims values (1, 'ok', 2)");
        assertEquals("ok", one(c, "select name from victims where id = 1"));
        exec(c, "delete from victims");
        return e;
    }

    private static void contains(PSQLException e, String part) {
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
    }

    @Test
    void anUnknownColumnIs42703(Connection c) throws SQLException {
        contains(insertFails(c, "unknown_column", "42703"), "column \"no_such_column\" of relation \"victims\" does not exist");
        contains(insertFails(c, "unknown_ordinal", "42703"), "relation \"victims\" has no column 99");
    }

    @Test
    void aValueOfTheWrongTypeIs42804(Connection c) throws SQLException {
        contains(insertFails(c, "wrong_java_type", "42804"),
                "the value 2.5 is not a whole number, which type integer needs");
        contains(insertFails(c, "read_as_wrong_type", "42804"),
                "column name of relation \"victims\" is of type text, which cannot be read as a Java java.lang.Integer");
        contains(insertFails(c, "bad_text", "22P02"), "invalid input syntax for type integer");
    }

    @Test
    void nullsWhereTheyCannotGo(Connection c) throws SQLException {
        contains(insertFails(c, "null_into_primitive", "22004"), "column name_length of relation \"victims\" is NULL");
        contains(insertFails(c, "null_into_not_null", "23502"), "null value in column \"name\"");
    }

    @Test
    void aRecordOfTheWrongShapeIs42804(Connection c) throws SQLException {
        for (String shape : new String[] {"lonely", "wrong_types"}) {
            exec(c, "create or replace trigger victims_record before insert on victims for each row "
                    + "execute function wrong_record('" + shape + "')");
            contains(fails(c, "insert into victims values (1, 'x', null)", "42804"), "does not match the structure of table victims");
        }
        exec(c, "drop trigger victims_record on victims");
        exec(c, "insert into victims values (1, 'ok', 2)");
        assertEquals(1L, one(c, "select count(*) from victims"));
    }

    @Test
    void rowsAndTriggersDoNotOutliveTheirCall(Connection c) throws SQLException {
        exec(c, "create trigger victims_keep before insert on victims for each row execute function misbehave('keep_row')");
        exec(c, "insert into victims values (1, 'kept', null)");
        exec(c, "drop trigger victims_keep on victims");
        exec(c, "delete from victims");
        contains(insertFails(c, "stale_row", "42804"), "returned a row of another trigger call");
        exec(c, "create trigger victims_keep before insert on victims for each row execute function misbehave('keep_trigger')");
        exec(c, "insert into victims values (2, 'kept', null)");
        exec(c, "drop trigger victims_keep on victims");
        exec(c, "delete from victims");
        contains(insertFails(c, "stale_trigger", "38000"), "valid only during the call of the trigger function");
    }

    @Test
    void aScopeLeftOpenDoesNotTakeTheRowWithIt(Connection c) throws SQLException {
        exec(c, "create trigger victims_leak before insert on victims for each row execute function misbehave('leak_scope')");
        exec(c, "insert into victims values (1, 'x', null), (2, 'y', null)");
        assertEquals(2L, one(c, "select count(*) from victims where name = 'set in a leaked scope'"));
    }

    @Test
    void aJavaExceptionAbortsTheStatement(Connection c) throws SQLException {
        contains(insertFails(c, "throw", "38000"), "the trigger refuses x");
        assertEquals(0L, one(c, "select count(*) from victims"));
    }
}
