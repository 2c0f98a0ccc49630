package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.Sql;
import org.pgj.test.PgjTest;

/** The example's functions called from SQL, as a user would. */
@PgjTest
class ExampleFunctionsTest {

    @BeforeEach
    void people(Connection c) throws SQLException {
        Sql.exec(c, "truncate people restart identity");
        Sql.exec(c, "truncate kv");
    }

    @Test
    void singleValuesAndTypedRows(Connection c) throws SQLException {
        assertEquals(1L, Sql.one(c, "select add_person('ann', 34)"));
        assertEquals(2L, Sql.one(c, "select add_person('bob', null)"));
        assertEquals(3L, Sql.one(c, "select add_person('cy', 17)"));
        assertEquals(1L, Sql.one(c, "select count_older_than(18)"));
        assertEquals(2L, Sql.one(c, "select count_older_than(-1)"), "NULL ages are not older than anything");
        assertEquals("ann (34)", Sql.one(c, "select describe_person(1)"));
        assertEquals("bob (age unknown)", Sql.one(c, "select describe_person(2)"));
        Sql.fails(c, "select describe_person(99)", "P0002");
        Sql.fails(c, "select add_person('ann', 1)", "23505");
        Sql.fails(c, "select add_person('dee', -1)", "23514");
        assertEquals("ann, cy", Sql.one(c, "select names_older_than(0)"));
        assertEquals("", Sql.one(c, "select names_older_than(100)"));
        assertEquals(1, Sql.one(c, "select rename_and_count('cy', 'cyd')"));
        assertEquals(0, Sql.one(c, "select rename_and_count('nobody', 'x')"));
    }

    @Test
    void keptStatementAcrossCalls(Connection c) throws SQLException {
        Sql.one(c, "select add_person('ann', 34)");
        Sql.one(c, "select add_person('bob', 40)");
        Sql.one(c, "select forget_cached_name()");
        assertEquals("ann", Sql.one(c, "select cached_name(1)"));
        assertEquals("bob", Sql.one(c, "select cached_name(2)"), "the kept statement, in a later transaction");
        Sql.fails(c, "select cached_name(3)", "P0002");
        assertEquals(true, Sql.one(c, "select forget_cached_name()"));
        assertEquals(false, Sql.one(c, "select forget_cached_name()"));
        assertEquals("ann", Sql.one(c, "select cached_name(1)"), "prepared again");
    }

    @Test
    void lookupLoop(Connection c) throws SQLException {
        Sql.exec(c, "insert into kv select g, g * 2 from generate_series(1, 1000) g");
        assertEquals(1001000L, Sql.one(c, "select lookup_loop(1000)"));
        Sql.fails(c, "select lookup_loop(1001)", "P0002");
        assertEquals(0L, Sql.one(c, "select lookup_loop(0)"));
    }
}
