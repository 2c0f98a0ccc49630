package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** Defaults, named arguments, overloading, and NULL where Java cannot take it. */
@PgjTest
class ArgumentsTest {
    @Test
    void defaults(Connection c) throws SQLException {
        assertEquals("Hello, Ann!", one(c, "select greet('Ann')"));
        assertEquals("Hi, Ann!", one(c, "select greet('Ann', 'Hi')"));
        assertEquals("Hi, Ann! Hi, Ann!", one(c, "select greet('Ann', 'Hi', 2)"));
        assertEquals("ann", one(c, "select tag('ann')"), "a NULL default");
        assertEquals("ann-x", one(c, "select tag('ann', 'x')"));
    }

    @Test
    void namedArguments(Connection c) throws SQLException {
        assertEquals("Hello, Ann! Hello, Ann! Hello, Ann!", one(c, "select greet('Ann', times => 3)"));
        assertEquals("Yo, Bo!", one(c, "select greet(greeting => 'Yo', name => 'Bo')"));
        assertEquals("Yo, Bo!", one(c, "select greet(name := 'Bo', greeting := 'Yo')"));
        fails(c, "select greet(nobody => 'Bo')", "42883");
    }

    @Test
    void variadic(Connection c) throws SQLException {
        assertEquals(6L, one(c, "select sum_all(1, 2, 3)"));
        assertEquals(9L, one(c, "select sum_all(VARIADIC ARRAY[4, 5])"));
        assertEquals(0L, one(c, "select sum_all(VARIADIC ARRAY[]::int[])"));
        assertEquals(7L, one(c, "select sum_all(7)"));
        assertEquals("a-?-c", one(c, "select join_all('-', 'a', null, 'c')"));
        assertEquals("x", one(c, "select join_all(', ', VARIADIC ARRAY['x'])"));
        assertEquals("VARIADIC \"values\" integer[]", one(c, "select pg_get_function_arguments('sum_all'::regproc)"));
    }

    @Test
    void aNullElementForAPrimitiveVarargsIsAnError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select sum_all(1, null, 3)", "22004");
        contains(e.getMessage(), "array element 2 is NULL, which a Java int[] cannot hold");
        assertEquals(null, one(c, "select sum_all(VARIADIC null::int[])"), "strict: a NULL array is not passed");
    }

    @Test
    void overloadsByArgumentType(Connection c) throws SQLException {
        assertEquals("integer", one(c, "select kind_of(1)"));
        assertEquals("text", one(c, "select kind_of('x'::text)"));
        assertEquals("double precision", one(c, "select kind_of(1.5::float8)"));
        assertEquals("double precision", one(c, "select kind_of(d => 2.5)"));
        assertEquals("text", one(c, "select kind_of('x')"), "an untyped literal prefers text");
        fails(c, "select kind_of(true)", "42883");
    }

    @Test
    void nullForAParameterThatCannotHoldItNamesFunctionAndParameter(Connection c) throws SQLException {
        PSQLException e = fails(c, "select tag(null, 'x')", "22004");
        contains(e.getMessage(), "tag(text,text): parameter $1 (name) cannot be NULL");
    }
}
