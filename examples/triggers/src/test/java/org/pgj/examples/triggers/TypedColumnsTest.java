package org.pgj.examples.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** Columns of many types read and set by a trigger keep their values, NULLs included (round_trip). */
@PgjTest
class TypedColumnsTest {
    private static final String COLUMNS = "i int, b bigint, s smallint, f bool, r real, d float8, n numeric, t text, "
            + "v varchar(5), dt date, ts timestamp, tz timestamptz, iv interval, u uuid, ai int[], at text[], j jsonb, "
            + "m macaddr, ip inet, pos posint, e mood";
    private static final String VALUES = "(7, 9000000000, -3, true, 1.5, -2.25, 12.500, 'héllo', 'abc', '2024-02-29', "
            + "'2024-01-02 03:04:05.678901', '2024-01-02 03:04:05+02', '1 mon 2 days 03:04:05', "
            + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,NULL,3}', '{x,\"y z\"}', '{\"k\": [1, 2]}', "
            + "'08:00:2b:01:02:03', '10.0.0.1/8', 5, 'happy'), "
            + "(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "
            + "null, null, null, null)";

    @BeforeEach
    void tables(Connection c) throws SQLException {
        exec(c, "drop domain if exists posint cascade; drop type if exists mood cascade");
        exec(c, "create domain posint as int check (value > 0)");
        exec(c, "create type mood as enum ('sad', 'happy')");
        exec(c, "create temp table expected (" + COLUMNS + ")");
        exec(c, "insert into expected values " + VALUES);
        exec(c, "create temp table typed (" + COLUMNS + ")");
    }

    private static List<List<String>> rows(Connection c, String table) throws SQLException {
        return Rows.of(c, "select row(x.*)::text from " + table + " x order by i nulls last");
    }

    private static void trigger(Connection c, String arguments) throws SQLException {
        exec(c, "create or replace trigger typed_round before insert on typed for each row execute function round_trip("
                + arguments + ")");
    }

    @Test
    void naturalTypesKeepEveryValue(Connection c) throws SQLException {
        trigger(c, "'i', 'b', 's', 'f', 'r', 'd', 'n', 't', 'v', 'dt', 'ts', 'tz', 'iv', 'u', 'ai', 'at', 'j', 'm', 'ip', "
                + "'pos', 'e'");
        exec(c, "insert into typed values " + VALUES);
        assertEquals(rows(c, "expected"), rows(c, "typed"));
    }

    @Test
    void namedJavaTypesAndOrdinalsKeepEveryValue(Connection c) throws SQLException {
        trigger(c, "'i:java.lang.Integer', 'b:java.lang.Long', 's:java.lang.Short', 'f:java.lang.Boolean', "
                + "'r:java.lang.Float', 'd:java.lang.Double', 'n:java.math.BigDecimal', 't:java.lang.String', "
                + "'v:java.lang.String', 'dt:java.time.LocalDate', 'ts:java.time.LocalDateTime', 'tz:java.time.Instant', "
                + "'iv:org.pgj.types.Interval', 'u:java.util.UUID', 'ai:[Ljava.lang.Integer;', 'at:java.util.List', "
                + "'j:java.lang.String', 'm:java.lang.String', 'ip:org.pgj.types.Inet', 'pos:java.lang.Integer', "
                + "'e:java.lang.String', '#1', '#12', '#21'");
        exec(c, "insert into typed values " + VALUES);
        assertEquals(rows(c, "expected"), rows(c, "typed"));
        trigger(c, "'tz:java.time.OffsetDateTime', 'n:org.pgj.types.Numeric', 'b:java.lang.Object'");
        exec(c, "delete from typed");
        exec(c, "insert into typed values " + VALUES);
        assertEquals(rows(c, "expected"), rows(c, "typed"));
    }

    @Test
    void textFormsSetAnyType(Connection c) throws SQLException {
        trigger(c, "'m=01:02:03:04:05:06', 'pos=42', 'e=sad', 'i=-1', 'ai={4,5}'");
        exec(c, "insert into typed (t) values ('x')");
        assertEquals(List.of(List.of("01:02:03:04:05:06", "42", "sad", "-1", "{4,5}")),
                Rows.of(c, "select m::text, pos::text, e::text, i::text, ai::text from typed"));
    }

    @Test
    void typeModifiersApplyAsInAnAssignment(Connection c) throws SQLException {
        exec(c, "create temp table sized (v varchar(3), n numeric(5,2), b bit(3))");
        exec(c, "create trigger sized_set before insert on sized for each row execute function round_trip('n=1.239', 'b=101')");
        exec(c, "insert into sized values ('abc', 0, null)");
        assertEquals(List.of(List.of("abc", "1.24", "101")), Rows.of(c, "select v, n::text, b::text from sized"));
        exec(c, "create or replace trigger sized_set before insert on sized for each row execute function round_trip('v=abcd')");
        assertTrue(fails(c, "insert into sized values ('x', 0, null)", "22001").getMessage().contains("character varying(3)"));
        exec(c, "create or replace trigger sized_set before insert on sized for each row execute function round_trip('n=12345')");
        fails(c, "insert into sized values ('x', 0, null)", "22003");
        exec(c, "drop trigger sized_set on sized");
        exec(c, "create temp table sized_products (id int, name varchar(3), price numeric(5, 1), note text)");
        exec(c, "create trigger sized_upper before insert on sized_products for each row execute function upper_case_name()");
        exec(c, "insert into sized_products values (1, 'abc', 1.25, 'n')");
        assertEquals(List.of(List.of("ABC", "1.3")), Rows.of(c, "select name, price::text from sized_products"),
                "a returned record fits the type modifiers too");
        fails(c, "insert into sized_products values (2, 'abcd', 1, 'n')", "22001");
        exec(c, "insert into sized values ('ok', 1, '111')");
        assertEquals(2L, one(c, "select count(*) from sized"));
    }

    @Test
    void domainsAndTypesCheckWhatIsSet(Connection c) throws SQLException {
        trigger(c, "'pos=0'");
        assertTrue(fails(c, "insert into typed (t) values ('x')", "23514").getMessage().contains("posint"));
        trigger(c, "'v=toolong'");
        fails(c, "insert into typed (t) values ('x')", "22001");
        trigger(c, "'e=angry'");
        fails(c, "insert into typed (t) values ('x')", "22P02");
        trigger(c, "'i:java.time.LocalDate'");
        assertTrue(fails(c, "insert into typed (i) values (1)", "42804").getMessage()
                .contains("column i of relation \"typed\" is of type integer, which cannot be read as a Java java.time.LocalDate"));
        trigger(c, "'i:java.lang.String', 'ai:[I'");
        exec(c, "insert into typed (i, ai) values (1, '{1,2}')");
        assertEquals("{1,2}", one(c, "select ai::text from typed where i = 1"), "any type reads as its text form");
        trigger(c, "'ai:[I'");
        assertTrue(fails(c, "insert into typed (ai) values ('{1,NULL}')", "22004").getMessage().contains("NULL"));
        trigger(c, "'pos'");
        exec(c, "insert into typed (pos) values (3)");
        assertEquals(3, one(c, "select pos from typed where pos is not null"));
    }
}
