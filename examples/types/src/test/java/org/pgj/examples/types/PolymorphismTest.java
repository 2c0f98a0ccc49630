package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** anyelement, anyarray, anycompatible and internal. */
@PgjTest
class PolymorphismTest {
    @Test
    void theActualTypeAndItsJavaValue(Connection c) throws SQLException {
        assertEquals("integer as Integer: 42", text(c, "SELECT describe_value(42)"));
        assertEquals("numeric as Numeric: 1.50", text(c, "SELECT describe_value(1.50)"));
        assertEquals("text as String: 😀", text(c, "SELECT describe_value('😀'::text)"));
        assertEquals("date as LocalDate: 2024-02-29", text(c, "SELECT describe_value('2024-02-29'::date)"));
        assertEquals("integer[] as ArrayList: [1, null, 3]", text(c, "SELECT describe_value('{1,NULL,3}'::int[])"));
        assertEquals("int4range as Range: [1,6)", text(c, "SELECT describe_value('[1,5]'::int4range)"));
        assertEquals("macaddr as String: 08:00:2b:01:02:03", text(c, "SELECT describe_value('08:00:2b:01:02:03'::macaddr)"),
                "a type without a mapping is its text form");
        assertEquals("positive_int as Integer: 3", text(c, "SELECT describe_value(3::positive_int)"));
    }

    @Test
    void resultsTakeTheResolvedType(Connection c) throws SQLException {
        assertEquals(7, one(c, "SELECT larger(3, 7)"));
        assertEquals("b", text(c, "SELECT larger('a'::text, 'b')"));
        assertEquals(true, one(c, "SELECT larger('2024-01-01'::date, '2023-01-01') = '2024-01-01'::date"));
        assertNull(one(c, "SELECT larger(NULL::int, 1)"), "strict: NULL in, NULL out");
        assertEquals(3, one(c, "SELECT count_elements('{a,b,NULL}'::text[])"));
        assertEquals("{1,2,2.5}", text(c, "SELECT appended('{1,2}'::int[], 2.5)::text"), "the common type is numeric");
        assertEquals("numeric[]", text(c, "SELECT pg_typeof(appended('{1,2}'::int[], 2.5))::text"));
        assertEquals(true, one(c, "SELECT from_text(0::numeric, '1e-3') = 0.001"));
        assertEquals(true, one(c, "SELECT from_text('{}'::int[], '{1,2}') = '{1,2}'::int[]"));
    }

    /**
     * An argument returned unchanged is returned as the Datum it came as (no conversion back), and
     * a by-value one seen again is the same element: over many rows, several types at their own
     * call sites of one statement, the results are the server's own greatest().
     */
    @Test
    void argumentsReturnedAsTheyCame(Connection c) throws SQLException {
        assertEquals(0L, one(c, "SELECT count(*) FROM generate_series(1, 3000) i"
                + " WHERE larger(i % 7, i % 5) IS DISTINCT FROM greatest(i % 7, i % 5)"
                + " OR larger(7, i % 9) IS DISTINCT FROM greatest(7, i % 9)"
                + " OR larger(md5(i::text), md5((i + 1)::text)) IS DISTINCT FROM greatest(md5(i::text), md5((i + 1)::text))"
                + " OR larger(date '2024-01-01' + i, date '2026-06-01') IS DISTINCT FROM greatest(date '2024-01-01' + i, date '2026-06-01')"
                + " OR larger(i::bigint * 1000000007, 5::bigint) IS DISTINCT FROM greatest(i::bigint * 1000000007, 5)"));
        assertEquals("\\x0002", text(c, "SELECT zeroed_first_byte('\\x0102'::bytea)::text"),
                "a byte array changed in place is returned changed");
    }

    @Test
    void badPolymorphicResultsAreClearErrors(Connection c) throws SQLException {
        fails(c, "SELECT wrong_result(1)", "42804");
        fails(c, "SELECT from_text(1, 'x')", "22P02");
        fails(c, "SELECT from_text(1::positive_int, '-1')", "23514");
    }

    @Test
    void internalStateOfAnAggregate(Connection c) throws SQLException {
        String rows = " FROM generate_series(1, 1000) i, (VALUES (1), (NULL)) n(x) WHERE x IS NOT NULL OR i < 10";
        assertEquals(one(c, "SELECT count(CASE WHEN x IS NULL THEN NULL ELSE i END)" + rows),
                one(c, "SELECT java_count(CASE WHEN x IS NULL THEN NULL ELSE i END)" + rows), "as the server's own count");
        assertEquals(2L, one(c, "SELECT count(*) FROM (SELECT java_count(i) c FROM generate_series(1, 10) i GROUP BY i % 2) g"
                + " WHERE c = 5"), "one state per group");
        assertEquals(0L, one(c, "SELECT java_count(i) FROM generate_series(1, 0) i"));
        assertEquals(3L, one(c, "SELECT java_count(x) FROM (VALUES (1), (2), (NULL), (4)) v(x)"));
    }
}
