package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** The types' text forms (JSON, or a codec's), NULL, and what bad input gets. */
@PgjTest
class TextFormTest {
    @Test
    void jsonRoundTrip(Connection c) throws SQLException {
        assertEquals("{\"major\":1,\"minor\":2,\"patch\":3}", one(c, "select '{\"major\":1,\"minor\":2,\"patch\":3}'::version::text"));
        assertEquals("{\"major\":1,\"minor\":2,\"patch\":3}", one(c, "select version(1, 2, 3)::text"));
        assertEquals("{\"major\":2,\"minor\":0,\"patch\":0}", one(c, "select next_major('{\"patch\":3,\"minor\":2,\"major\":1}')::text"),
                "properties in any order, printed in the record's order");
        assertEquals("{\"major\":-2147483648,\"minor\":2147483647,\"patch\":0}",
                one(c, "select version(-2147483648, 2147483647, 0)::text"), "edge values");
    }

    @Test
    void codecRoundTrip(Connection c) throws SQLException {
        assertEquals("#ff8800", one(c, "select '#FF8800'::rgb::text"));
        assertEquals("#7f4000", one(c, "select mix('#ff8000', '#000000')::text"));
        assertEquals("#000000", one(c, "select '#000000'::rgb::text"));
    }

    @Test
    void nullIsNull(Connection c) throws SQLException {
        assertEquals(null, one(c, "select null::version"));
        assertEquals(null, one(c, "select next_major(null)"), "a strict function");
        assertEquals("no version", one(c, "select describe_version(null)"));
        assertEquals("v1.2.3", one(c, "select describe_version(version(1, 2, 3))"));
        assertEquals(true, one(c, "select version(1, 2, 3) = null is null"));
    }

    @Test
    void malformedJsonIs22P02(Connection c) throws SQLException {
        PSQLException e = fails(c, "select '{\"major\":1'::version", "22P02");
        contains(e.getMessage(), "invalid input syntax for type version");
        fails(c, "select 'not json'::version", "22P02");
        fails(c, "select '{\"major\":1,\"minor\":2}'::version", "22P02"); // a component missing
        fails(c, "select '{\"major\":1,\"minor\":2,\"patch\":3,\"extra\":4}'::version", "22P02");
        fails(c, "select '{\"major\":\"one\",\"minor\":2,\"patch\":3}'::version", "22P02");
        fails(c, "select '{\"major\":null,\"minor\":2,\"patch\":3}'::version", "22P02");
        fails(c, "select 'null'::version", "22P02");
        fails(c, "select '{\"major\":1,\"minor\":2,\"patch\":3} trailing'::version", "22P02");
        fails(c, "select ''::version", "22P02");
    }

    @Test
    void codecErrorsAre22P02(Connection c) throws SQLException {
        PSQLException e = fails(c, "select 'orange'::rgb", "22P02");
        contains(e.getMessage(), "invalid input syntax for type rgb: \"orange\"");
        contains(e.getServerErrorMessage().getDetail(), "six hexadecimal digits");
        fails(c, "select '#12345g'::rgb", "22P02");
    }

    @Test
    void arraysOfTheType(Connection c) throws SQLException {
        assertEquals("{\"major\":2,\"minor\":0,\"patch\":1}",
                one(c, "select newest(array[version(1, 9, 9), version(2, 0, 1), version(0, 1, 0)])::text"));
        assertEquals(null, one(c, "select newest(array[]::version[])"));
        assertEquals("{\"{\\\"major\\\":1,\\\"minor\\\":0,\\\"patch\\\":0}\",\"{\\\"major\\\":2,\\\"minor\\\":0,\\\"patch\\\":0}\"}",
                one(c, "select majors(array[version(1, 2, 3), version(2, 5, 0)])::text"));
        assertEquals("version[]", one(c, "select pg_typeof(majors(array[version(1, 2, 3)]))::text"));
        assertEquals("#ff0000", one(c, "select ('{\"#ff0000\",\"#00ff00\"}'::rgb[])[1]::text"));
    }

    @Test
    void recordComponent(Connection c) throws SQLException {
        assertEquals("(pgj,\"{\"\"major\"\":1,\"\"minor\"\":0,\"\"patch\"\":0}\")", one(c, "select release('pgj', version(1, 0, 0))::text"));
        assertEquals("{\"major\":1,\"minor\":0,\"patch\":0}", one(c, "select (release('pgj', version(1, 0, 0))).version::text"));
    }

    @Test
    void spiReadsAndSendsTheType(Connection c) throws SQLException {
        assertEquals("{\"major\":4,\"minor\":0,\"patch\":0}", one(c, "select via_spi(version(3, 1, 4))::text"));
    }
}
