package org.pgj.examples.types;

import org.pgj.test.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** Arrays of every mapped type: Java arrays and lists, NULL elements, several dimensions. */
@PgjTest
class ArraysTest {
    @Test
    void primitiveArrays(Connection c) throws SQLException {
        roundTrips(c, "echo_ints", "int4[]", "=", "'{}'", "'{1}'", "'{-2147483648,0,2147483647}'",
                "array(select generate_series(1, 100000))");
        roundTrips(c, "echo_longs", "int8[]", "=", "'{-9223372036854775808,9223372036854775807}'", "'{}'");
        roundTrips(c, "echo_doubles", "float8[]", "=", "'{1.5,-0,NaN,Infinity,-Infinity,1e-308,4.9e-324}'");
        roundTrips(c, "echo_floats", "float4[]", "=", "'{1.5,NaN,3.4e38}'");
        roundTrips(c, "echo_shorts", "int2[]", "=", "'{-32768,32767}'");
        roundTrips(c, "echo_booleans", "bool[]", "=", "'{t,f,t}'", "'{}'");
        assertEquals(true, one(c, "SELECT sum_ints(a) = (SELECT sum(x) FROM unnest(a) x)"
                + " FROM (SELECT array(select generate_series(-500, 1000000)) a) t"));
        assertEquals(true, one(c, "SELECT series(1000000) = array(select generate_series(1, 1000000))"));
    }

    @Test
    void aNullElementNeedsBoxedElements(Connection c) throws SQLException {
        fails(c, "SELECT sum_ints('{1,NULL,3}')", "22004");
        assertEquals(1, one(c, "SELECT count_nulls('{1,NULL,3}')"));
        assertEquals(3, one(c, "SELECT count_nulls('{NULL,NULL,NULL}')"));
    }

    @Test
    void referenceElementsWithNulls(Connection c) throws SQLException {
        roundTrips(c, "echo_texts", "text[]", "=", "'{}'", "'{a,NULL,\"\",\"😀 é\"}'", "'{NULL}'",
                "array(select repeat(chr(65 + i % 26), i % 300) from generate_series(1, 3000) i)");
        roundTrips(c, "echo_names", "name[]", "=", "'{pg_class,NULL,\"\"}'");
        roundTrips(c, "echo_byteas", "bytea[]", "=", "'{\"\\\\x00ff\",NULL,\"\\\\x\"}'");
        roundTrips(c, "echo_chars", "\"char\"[]", "=", "'{a,b,NULL}'");
        roundTrips(c, "echo_numerics", "numeric[]", "=", "'{1.50,NaN,Infinity,NULL,-1e-100}'");
        roundTrips(c, "echo_decimals", "numeric[]", "=", "'{1.50,NULL,123456789012345678901234567890}'");
        roundTrips(c, "echo_dates", "date[]", "=", "'{2024-02-29,infinity,NULL,4714-11-24 BC}'");
        roundTrips(c, "echo_timestamptzs", "timestamptz[]", "=", "'{2024-02-29 12:00+00,-infinity,NULL}'");
        roundTrips(c, "echo_intervals", "interval[]", "=", "'{1 day,NULL,\"-1 mons 00:00:01\"}'");
        roundTrips(c, "echo_uuids", "uuid[]", "=", "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}'");
        roundTrips(c, "echo_inets", "inet[]", "=", "'{10.0.0.1/8,::1,NULL}'");
        roundTrips(c, "echo_points", "point[]", null, "'{\"(1,2)\",NULL,\"(-1.5,0)\"}'");
        roundTrips(c, "echo_jsonbs", "jsonb[]", "=", "'{\"{\\\"a\\\": 1}\",NULL,\"[]\"}'");
        roundTrips(c, "echo_times", "time[]", "=", "'{00:00,24:00,NULL,12:34:56.789}'");
        roundTrips(c, "echo_timetzs", "timetz[]", "=", "'{00:00+15:59,NULL,12:00-05:30}'");
        roundTrips(c, "echo_timestamps", "timestamp[]", "=", "'{infinity,NULL,\"2024-02-29 12:00:00.000001\",\"4714-11-24 00:00 BC\"}'");
        roundTrips(c, "echo_instants", "timestamptz[]", "=", "'{-infinity,NULL,\"2024-02-29 12:00+05\"}'");
        roundTrips(c, "echo_boxes", "box[]", null, "ARRAY['((1,2),(3,4))'::box, NULL, '((0,0),(-1,-1))']");
        roundTrips(c, "echo_tids", "tid[]", "=", "'{\"(0,1)\",NULL,\"(4294967295,65535)\"}'");
        roundTrips(c, "echo_oids", "oid[]", "=", "'{0,4294967295,NULL}'");
        roundTrips(c, "echo_regclasses", "regclass[]", "=", "'{pg_class,NULL,pg_type}'");
        roundTrips(c, "echo_cidrs", "cidr[]", "=", "'{10.0.0.0/8,NULL,2001:db8::/32}'");
        roundTrips(c, "echo_varchars", "varchar[]", "=", "'{a,NULL,😀}'");
        roundTrips(c, "echo_bpchars", "char(3)[]", "=", "'{a,NULL,😀}'");
        roundTrips(c, "echo_jsons", "json[]", null, "'{\"{\\\"a\\\": 1}\",NULL,\" [ ] \"}'");
        roundTrips(c, "echo_json_trees", "jsonb[]", "=", "'{\"{\\\"a\\\": 1.50}\",NULL,null}'");
        roundTrips(c, "echo_int4ranges", "int4range[]", "=", "'{\"[1,5)\",empty,NULL,\"(,)\"}'");
        roundTrips(c, "echo_dateranges", "daterange[]", "=", "'{\"[2024-01-01,infinity)\",NULL,empty}'");
        assertEquals("{3,0,0}", text(c, "SELECT byte_sums('{\"\\\\x0102\",\"\\\\x\",NULL}')::text"), "a NULL element is null in Java");
        assertEquals("{c,NULL,a}", text(c, "SELECT reversed('{a,NULL,c}')::text"));
        assertEquals(true, one(c, "SELECT reversed(a) = array(select a[i] from generate_subscripts(a, 1) i order by i desc)"
                + " FROM (SELECT array(select md5(i::text) from generate_series(1, 10000) i) a) t"));
    }

    @Test
    void multidimensionalArrays(Connection c) throws SQLException {
        assertEquals("{{1,4},{2,5},{3,6}}", text(c, "SELECT transpose('{{1,2,3},{4,5,6}}')::text"));
        assertEquals("{}", text(c, "SELECT transpose('{}')::text"));
        roundTrips(c, "echo_integer_matrix", "int4[]", "=", "'{{1,NULL},{3,4}}'", "'{{1}}'", "'{}'");
        fails(c, "SELECT transpose('{1,2,3}')", "2202E");
        fails(c, "SELECT echo_ints('{{1,2},{3,4}}')", "2202E");
        fails(c, "SELECT ragged()", "2202E");
        fails(c, "SELECT ARRAY[ARRAY[1,2], ARRAY[3]]", "2202E");
    }

    @Test
    void aJavaTypeThatCannotHoldTheSqlTypeIsAClearError(Connection c) throws SQLException {
        var e = fails(c, "SELECT mismatched('{a}')", "42P13");
        assertTrue(e.getMessage().contains("cannot hold SQL type text"), e.getMessage());
    }

    @Test
    void lowerBoundsOtherThanOneAreRefused(Connection c) throws SQLException {
        var e = fails(c, "SELECT echo_ints('[0:2]={1,2,3}')", "2202E");
        assertTrue(e.getMessage().contains("starts at 0"), e.getMessage());
        assertEquals("{1,2,3}", text(c, "SELECT echo_ints(array(select unnest('[0:2]={1,2,3}'::int[])))::text"));
    }

    @Test
    void toastedArrays(Connection c) throws SQLException {
        Sql.exec(c, "CREATE TEMP TABLE arrays(i int[], t text[])");
        Sql.exec(c, "INSERT INTO arrays SELECT array(select generate_series(1, 200000)),"
                + " array(select md5(g::text) from generate_series(1, 20000) g)");
        assertEquals(0L, one(c, "SELECT count(*) FROM arrays WHERE echo_ints(i) <> i OR echo_texts(t) <> t"));
    }
}
