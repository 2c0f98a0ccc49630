package org.pgj.examples.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** Casts and operators declared on functions, and what the catalog records of them. */
@PgjTest
class CastsAndOperatorsTest {
    @Test
    void binaryAndPrefixOperators(Connection c) throws SQLException {
        assertEquals("(4.0, 6.0)", one(c, "select (vec(1, 2) + vec(3, 4))::text"));
        assertEquals("(-1.0, 2.0)", one(c, "select (- vec(1, -2))::text"));
        assertEquals(true, one(c, "select vec(1, 2) ~= vec(1, 2)"));
        assertEquals(false, one(c, "select vec(1, 2) ~= vec(1, 3)"));
        assertEquals(true, one(c, "select vec(1, 2) !~= vec(1, 3)"));
        assertEquals(true, one(c, "select not (vec(1, 2) ~= vec(1, 3))"));
    }

    @Test
    void operatorAttributesAreInTheCatalog(Connection c) throws SQLException {
        assertEquals("~=|~=|!~=|true|true|eqsel|eqjoinsel", one(c, """
                select o.oprname || '|' || com.oprname || '|' || neg.oprname || '|' || o.oprcanhash || '|' || o.oprcanmerge
                       || '|' || o.oprrest || '|' || o.oprjoin
                from pg_operator o join pg_operator com on com.oid = o.oprcom join pg_operator neg on neg.oid = o.oprnegate
                where o.oprname = '~=' and o.oprleft = 'vec2'::regtype"""));
        assertEquals("l", one(c, "select oprkind::text from pg_operator where oprname = '-' and oprright = 'vec2'::regtype"));
    }

    @Test
    void theNegatorIsUsedByThePlanner(Connection c) throws SQLException {
        assertEquals(List.of(2L), column(c,
                "select count(*) from (values (vec(1, 2)), (vec(3, 4)), (vec(5, 6))) t(v) where not (v ~= vec(1, 2))"));
    }

    @Test
    void explicitCast(Connection c) throws SQLException {
        assertEquals(5.0, one(c, "select vec(3, 4)::float8"));
        assertEquals(5.0, one(c, "select cast(vec(3, 4) as double precision)"));
        try (Statement s = c.createStatement()) {
            s.execute("create temp table lengths(l float8)");
        }
        fails(c, "insert into lengths values (vec(3, 4)) returning l", "42804");
    }

    @Test
    void assignmentCast(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table labels(t text)");
            s.execute("insert into labels values (vec(1, 2))");
        }
        assertEquals("(1.0, 2.0)", one(c, "select t from labels"));
        fails(c, "select length(vec(1, 2))", "42883"); // an assignment cast is not applied to arguments
    }

    @Test
    void implicitCast(Connection c) throws SQLException {
        assertEquals("(4.0, 5.0)", one(c, "select (vec(1, 2) + 3)::text"));
        assertEquals(5.0, one(c, "select norm(3 + vec(0, 1))"));
        assertEquals("i|e|a", one(c, """
                select string_agg(castcontext::text, '|' order by castcontext desc) from pg_cast
                where castfunc in ('diagonal(integer)'::regprocedure, 'vec_text(vec2)'::regprocedure, 'vec_length(vec2)'::regprocedure)"""));
    }
}
