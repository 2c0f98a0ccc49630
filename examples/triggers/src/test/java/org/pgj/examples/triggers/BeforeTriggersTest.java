package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** Row-level BEFORE triggers: the row they return is the row the operation goes on with. */
@PgjTest
class BeforeTriggersTest {
    @Test
    void insertAndUpdateGetTheModifiedRow(Connection c) throws SQLException {
        exec(c, "insert into customers (name, email) values ('Ann', '  Ann@Example.COM ')");
        assertEquals(List.of(List.of("Ann", "ann@example.com", "t")),
                Rows.of(c, "select name, email, updated_at is not null from customers where name = 'Ann'"));
        exec(c, "update customers set email = 'ANN@NEW.ORG', updated_at = null where name = 'Ann'");
        assertEquals(List.of(List.of("ann@new.org", "t")),
                Rows.of(c, "select email, updated_at > now() - interval '1 hour' from customers where name = 'Ann'"));
    }

    @Test
    void nullColumnsStayNullAndNullCanBeSet(Connection c) throws SQLException {
        exec(c, "insert into customers (name, email) values ('Bo', null)");
        assertEquals(List.of(Arrays.asList("Bo", null, "t")),
                Rows.of(c, "select name, email, updated_at is not null from customers where name = 'Bo'"));
        exec(c, "create temp table people (id int, nick text, note text)");
        exec(c, "create trigger people_clear before insert or update on people for each row execute function clear_columns('nick')");
        exec(c, "insert into people values (null, 'Bobby', null), (2, null, 'n')");
        exec(c, "update people set nick = 'again' where id = 2");
        assertEquals(List.of(Arrays.asList(null, null, null), Arrays.asList("2", null, "n")),
                Rows.of(c, "select id, nick, note from people order by id nulls first"));
    }

    @Test
    void returningNullSkipsTheRow(Connection c) throws SQLException {
        exec(c, "create temp table notes (id int, body text)");
        exec(c, "create trigger notes_skip before insert on notes for each row execute function skip_blank('body')");
        assertEquals(2, Rows.update(c, "insert into notes values (1, 'one'), (2, '  '), (3, null), (4, 'four')"),
                "the skipped rows do not count");
        assertEquals(List.of(List.of("1", "one"), List.of("4", "four")), Rows.of(c, "select * from notes order by id"));
    }

    @Test
    void updateComparesTheOldAndNewRows(Connection c) throws SQLException {
        exec(c, "create temp table prices (id int, price numeric)");
        exec(c, "create trigger prices_limit before update on prices for each row execute function limit_price_drop('10')");
        exec(c, "insert into prices values (1, 100), (2, 100), (3, null), (4, 100)");
        exec(c, "update prices set price = case id when 1 then 50 when 2 then 95 when 3 then 7 else null end");
        assertEquals(List.of(List.of("1", "90.00"), List.of("2", "95"), List.of("3", "7"), Arrays.asList("4", null)),
                Rows.of(c, "select id, price from prices order by id"), "a drop beyond 10 % is limited; NULLs pass");
    }

    @Test
    void deleteSeesTheOldRow(Connection c) throws SQLException {
        exec(c, "create temp table docs (id int, kept boolean)");
        exec(c, "create trigger docs_keep before delete on docs for each row execute function protect_kept('kept')");
        exec(c, "insert into docs values (1, true), (2, false), (3, null), (4, true)");
        assertEquals(2, Rows.update(c, "delete from docs"));
        assertEquals(List.of(List.of("1"), List.of("4")), Rows.of(c, "select id from docs order by id"));
    }

    @Test
    void aVoidTriggerLetsTheRowThroughUnchanged(Connection c) throws SQLException {
        exec(c, "create temp table plain (id int, name text)");
        exec(c, "create trigger plain_pass before insert or update or delete on plain for each row execute function pass_through()");
        exec(c, "insert into plain values (1, 'one'), (2, 'two')");
        exec(c, "update plain set name = name || '!' where id = 2");
        assertEquals(1, Rows.update(c, "delete from plain where id = 1"));
        assertEquals(List.of(List.of("2", "two!")), Rows.of(c, "select * from plain"));
    }

    @Test
    void recordsReadTheRowAndBuildTheNewOne(Connection c) throws SQLException {
        // A dropped column in the middle: records map to the live columns.
        exec(c, "create temp table products (id int, junk int, name text, price numeric, note text)");
        exec(c, "alter table products drop column junk");
        exec(c, "create trigger products_upper before insert on products for each row execute function upper_case_name()");
        exec(c, "insert into products values (1, 'lamp', 9.5, null), (2, 'desk', null, 'mine')");
        assertEquals(List.of(List.of("1", "LAMP", "9.5", "noted by products_upper"), Arrays.asList("2", "DESK", null, "mine")),
                Rows.of(c, "select * from products order by id"));
        // The table changes: the next call maps the record to the new layout.
        exec(c, "alter table products add column extra int");
        PSQLException e = fails(c, "insert into products values (3, 'bed', 1, null, 5)", "42804");
        assertTrue(e.getMessage().contains("does not match the structure of table products"), e.getMessage());
        exec(c, "alter table products drop column extra");
        exec(c, "insert into products values (3, 'bed', 1, null)");
        assertEquals("BED", one(c, "select name from products where id = 3"));
    }

    @Test
    void aTriggerFunctionCalledDirectlyIsAnError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select normalize_email()", "0A000");
        assertTrue(e.getMessage().contains("trigger functions can only be called as triggers"), e.getMessage());
        assertNotNull(one(c, "select count(*) from customers"));
    }
}
