package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** Records as composite values: in, out, nested, with NULL fields, and as named columns. */
@PgjTest
class RowsTest {
    @Test
    void aRecordResultIsOneRowOfNamedColumns(Connection c) throws SQLException {
        assertEquals(List.of(List.of(1.5, -2.0)), rows(c, "select * from vec(1.5, -2)"));
        assertEquals(List.of(List.of(1.5)), rows(c, "select x from vec(1.5, -2)"));
        assertEquals("(1.5,-2)", one(c, "select row(vec(1.5, -2))::text").toString().replaceAll("^\\(\"|\"\\)$", ""),
                "the record's own text form (::text would use the cast vec_text)");
        assertEquals(-2.0, one(c, "select (vec(1.5, -2)).y"));
    }

    @Test
    void outParametersAreOneRowOfNamedColumnsWithoutAType(Connection c) throws SQLException {
        assertEquals(List.of(List.of(5.0, Math.atan2(4, 3))), rows(c, "select r, theta from polar(3, 4)"));
        assertEquals(5.0, one(c, "select (polar(3, 4)).r"));
        assertEquals("record", one(c, "select prorettype::regtype::text from pg_proc where proname = 'polar'"));
        assertEquals(0L, one(c, "select count(*) from pg_type where typname = 'polar'"));
    }

    @Test
    void recordsIn(Connection c) throws SQLException {
        assertEquals(5.0, one(c, "select norm(vec(3, 4))"));
        assertEquals(5.0, one(c, "select norm(row(3, 4)::vec2)"));
        assertEquals(5.0, one(c, "select norm('(-3,4)')"));
        assertEquals(5.0, one(c, "select norm(v) from (select vec(3, 4) v) s"));
        assertEquals(null, one(c, "select norm(null)"), "strict: a NULL row is not passed to Java");
    }

    @Test
    void nestedRecordsAndNullFields(Connection c) throws SQLException {
        assertEquals("(home,\"(1,2)\",7)", one(c, "select pin('home', vec(1, 2), 7)::text"));
        assertEquals("(home,\"(1,2)\",)", one(c, "select pin('home', vec(1, 2), null)::text"), "empty Optional → NULL field");
        assertEquals("(,\"(1,2)\",)", one(c, "select pin(null, vec(1, 2), null)::text"), "null components → NULL fields");
        PSQLException e = fails(c, "select pin('p', null, 1)", "22004");
        contains(e.getMessage(), "function pin(text,vec2,integer): parameter $2 (at) cannot be NULL");
        assertEquals(List.of(List.of("home", "1,2", 7)), rows(c, "select label, (at).x || ',' || (at).y, weight from pin('home', vec(1, 2), 7)"));
        assertEquals("home at (1.0, 2.0) weighing 7", one(c, "select describe_pin(pin('home', vec(1, 2), 7))"));
        assertEquals("home at (1.0, 2.0)", one(c, "select describe_pin(row('home', row(1, 2), null)::pin)"),
                "a NULL field → an empty Optional");
        assertEquals("(home,\"(1,2)\",3)", one(c, "select weighed(row('home', row(1, 2), null)::pin, 3)::text"));
        assertEquals("(home,\"(1,2)\",10)", one(c, "select weighed(pin('home', vec(1, 2), 7), 3)::text"));
    }

    @Test
    void anOptionalRecordTakesANullRow(Connection c) throws SQLException {
        assertEquals("no pin", one(c, "select maybe_pin(null)"));
        assertEquals("p at (1.0, 2.0) weighing 3", one(c, "select maybe_pin(pin('p', vec(1, 2), 3))"));
    }

    @Test
    void aNullFieldForAPrimitiveComponentIsAnError(Connection c) throws SQLException {
        PSQLException e = fails(c, "select norm(row(null, 1)::vec2)", "22004");
        contains(e.getMessage(), "field x of a row of type vec2 is NULL");
        PSQLException nested = fails(c, "select describe_pin(row('p', row(1, null), 1)::pin)", "22004");
        contains(nested.getMessage(), "field y of a row of type vec2 is NULL");
    }

    @Test
    void aTablesRowTypeInAndOut(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into inventory values ('pens', 10), ('ink', 2)");
        }
        assertEquals(List.of(List.of("ink", 7), List.of("pens", 15)),
                rows(c, "select (r).name, (r).quantity from (select restocked(i, 5) r from inventory i) s order by 1"));
    }

    @Test
    void aStreamOfRecordsWithRecordArguments(Connection c) throws SQLException {
        assertEquals(List.of(List.of(0.0, 0.0), List.of(1.0, 0.5), List.of(2.0, 1.0)),
                rows(c, "select * from walk(vec(0, 0), vec(1, 0.5), 3)"));
        assertEquals(Arrays.asList(), rows(c, "select * from walk(vec(0, 0), vec(1, 0.5), 0)"));
    }

    @Test
    void aSetOfACompositeType(Connection c) throws SQLException {
        assertEquals(List.of(List.of(0.0, 0.0), List.of(2.0, 0.0), List.of(2.0, 1.0), List.of(0.0, 1.0)),
                rows(c, "select x, y from corners(vec(2, 1))"));
        assertEquals("SETOF vec2", one(c, "select pg_get_function_result('corners'::regproc)"));
        assertEquals(List.of(3.0), column(c, "select norm(c) from corners(vec(3, 4)) c where c.x > 0 and c.y = 0"));
    }

    @Test
    void aRecordThatDoesNotMatchItsTypeIsAClearErrorAtTheFirstCall(Connection c) throws SQLException {
        PSQLException e = fails(c, "select short_stock()", "42P13");
        contains(e.getMessage(), "function short_stock(): Java record org.pgj.examples.functions.Mismatches$ShortStock"
                + " of the result has 1 components but SQL type inventory has 2 fields");
        fails(c, "select short_stock()", "42P13");
    }

    @Test
    void aRowTypeAlteredAfterResolutionIsAnErrorNotAMisread(Connection c) throws SQLException {
        assertEquals(5.0, one(c, "select norm(vec(3, 4))"), "resolved in this session");
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("alter type vec2 add attribute z double precision cascade");
            PSQLException e = assertThrows(PSQLException.class, () -> one(c, "select norm(row(3, 4, 12)::vec2)"));
            assertEquals("42804", e.getSQLState());
            contains(e.getMessage(), "a row of type vec2 does not have the fields of vec2 that the Java record was resolved for");
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        assertEquals(5.0, one(c, "select norm(vec(3, 4))"));
    }

    @Test
    void aMalformedRowLiteralIsTheServersError(Connection c) throws SQLException {
        fails(c, "select norm('(1,2,3)')", "22P02");
        fails(c, "select norm('(a,b)')", "22P02");
        assertEquals(List.of(5.0), column(c, "select norm(vec(3, 4))"));
    }
}
