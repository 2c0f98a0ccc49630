package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** The demo's functions called from SQL, with edge values and NULLs. */
@PgjTest
class FunctionsTest {

    static Object one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "one row expected from " + sql);
                return rs.getObject(1);
            }
        }
    }

    @Test
    void integers(Connection c) throws SQLException {
        assertEquals(42, one(c, "select add_one(41)"));
        assertEquals(Integer.MIN_VALUE, one(c, "select add_one(2147483647)"), "Java int overflow wraps, as in Java");
        assertEquals(5, one(c, "select add(2, 3)"));
        assertEquals(5_000_000_000L, one(c, "select add(2500000000::bigint, 2500000000::bigint)"));
        assertEquals((short) -7, ((Number) one(c, "select negate(7::int2)")).shortValue());
        assertEquals(Short.MIN_VALUE + 1, ((Number) one(c, "select negate(32767::int2)")).intValue());
        assertEquals(true, one(c, "select is_even(-4)"));
        assertEquals(false, one(c, "select is_even(9223372036854775807)"));
        assertNull(one(c, "select add_one(null)"), "strict: NULL in, NULL out, Java not called");
    }

    @Test
    void overflowInJavaIsAnError(Connection c) throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> one(c, "select add(2147483647, 1)"));
        assertEquals("22003", e.getSQLState(), "Math.addExact's ArithmeticException maps to numeric_value_out_of_range");
        assertEquals(1, one(c, "select 1"));
    }

    @Test
    void floats(Connection c) throws SQLException {
        assertEquals(1.25f, ((Number) one(c, "select half(2.5::float4)")).floatValue());
        assertEquals(5.0, one(c, "select hypot(3, 4)"));
        assertEquals(Double.POSITIVE_INFINITY, one(c, "select hypot('Infinity', 1)"));
        assertTrue(Double.isNaN((Double) one(c, "select hypot('NaN', 1)")));
        assertEquals("-0", one(c, "select half('-0'::float4)::text"));
    }

    @Test
    void text(Connection c) throws SQLException {
        assertEquals("HÉLLO WÖRLD 😀", one(c, "select shout('héllo wörld 😀')"));
        assertEquals("", one(c, "select shout('')"));
        assertEquals(3, one(c, "select char_count('a😀b'::varchar)"));
        assertEquals("HELLO HELLO", one(c, "select shout_twice('hello')"), "raw SQL ordered after shout");
        assertEquals("HELLO HELLO", one(c, "select value from demo_settings where name = 'greeting'"), "LAST block ran");
    }

    @Test
    void toastedText(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table big(t text)");
            // Compressible, then incompressible: both are TOASTed (compressed / out of line).
            s.execute("insert into big values (repeat('abc', 1000000))");
            s.execute("insert into big select string_agg(md5(i::text), '') from generate_series(1, 40000) i");
        }
        assertEquals(3_000_000, one(c, "select text_length(t) from big where t like 'abc%'"));
        assertEquals(1_280_000, one(c, "select text_length(t) from big where t not like 'abc%'"));
        assertEquals(true, one(c, "select bool_and(shout(t) = upper(t)) from big"));
    }

    @Test
    void bytea(Connection c) throws SQLException {
        assertArrayEquals(new byte[] {3, 2, 1, 0}, (byte[]) one(c, "select reverse_bytes('\\x00010203'::bytea)"));
        assertArrayEquals(new byte[0], (byte[]) one(c, "select reverse_bytes(''::bytea)"));
        assertEquals(5_000_000, one(c, "select length(reverse_bytes(convert_to(repeat('xy', 2500000), 'UTF8')))"));
    }

    @Test
    void nullsThroughBoxedAndOptional(Connection c) throws SQLException {
        assertEquals(8, one(c, "select twice(4)"));
        assertNull(one(c, "select twice(null)"));
        assertEquals("hello", one(c, "select first_word('  hello world')"));
        assertNull(one(c, "select first_word('   ')"), "empty Optional returns NULL");
        assertNull(one(c, "select first_word(null)"));
        assertEquals("hello stranger!", one(c, "select greet(null, null)"));
        assertEquals("hello ann! hello ann!", one(c, "select greet('ann', 2)"));
    }

    @Test
    void nullForAPrimitiveIsAnErrorNamingTheParameter(Connection c) throws SQLException {
        PSQLException e = assertThrows(PSQLException.class, () -> one(c, "select pick(null, null)"));
        assertEquals("22004", e.getSQLState());
        assertTrue(e.getMessage().contains("pick(integer,integer)") && e.getMessage().contains("$1 (value)"), e.getMessage());
        assertEquals(7, one(c, "select pick(1, 7)"));
    }

    @Test
    void catalogShowsTheDeclaredOptions(Connection c) throws SQLException {
        assertEquals("i|t|s|1", one(c, "select provolatile::text || '|' || proisstrict || '|' || proparallel::text || '|' || procost::int"
                + " from pg_proc where proname = 'add_one'").toString().replace("true", "t"));
        assertEquals("s|t|r|5", one(c, "select p.provolatile::text || '|' || p.prosecdef || '|' || p.proparallel::text || '|' || p.procost::int"
                + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'demo_util' and proname = 'version'")
                .toString().replace("true", "t"));
        assertEquals("{\"search_path=pg_catalog, pg_temp\"}", one(c, "select proconfig::text from pg_proc where oid = 'demo_util.version()'::regprocedure"));
        assertEquals(false, one(c, "select proisstrict from pg_proc where proname = 'twice'"), "boxed parameter: not strict");
        assertEquals(2L, one(c, "select count(*) from pg_proc where proname = 'add'"), "overloads");
        assertTrue(((String) one(c, "select demo_util.version()")).startsWith("demo 2"));
    }

    @Test
    void redefinitionIsSeenByAnExistingSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create function pg_temp.redefined(int) returns int language pgj_demo strict"
                    + " as 'org.pgj.examples.demo.Basics.addOne(int)'");
        }
        assertEquals(2, one(c, "select pg_temp.redefined(1)"));
        try (Statement s = c.createStatement()) {
            // The validator would refuse this definition (ValidatorTest); a restore does not validate.
            s.execute("set check_function_bodies = off");
            s.execute("create or replace function pg_temp.redefined(int) returns int language pgj_demo strict"
                    + " as 'org.pgj.examples.demo.Basics.reverseBytes(byte[])'");
            s.execute("reset check_function_bodies");
        }
        PSQLException e = assertThrows(PSQLException.class, () -> one(c, "select pg_temp.redefined(1)"));
        assertEquals("42P13", e.getSQLState(), "the new definition is resolved: a byte[] cannot take an int4");
        try (Statement s = c.createStatement()) {
            s.execute("create or replace function pg_temp.redefined(int) returns int language pgj_demo strict"
                    + " as 'org.pgj.examples.demo.Basics.twice(java.lang.Integer)'");
        }
        assertEquals(2, one(c, "select pg_temp.redefined(1)"));
    }

    @Test
    @InBackend
    void insideTheBackendJavaCallsJavaDirectly() {
        assertEquals(3, Basics.addOne(2));
        assertFalse(Basics.isEven(3));
    }
}
