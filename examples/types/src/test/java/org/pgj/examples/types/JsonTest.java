package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** json and jsonb as text and as Jackson trees. */
@PgjTest
class JsonTest {
    private static final String DOC = "'{\"a\": [1, 2.50, null, true], \"b\": {\"c\": \"😀 \\\\u00e9\"},"
            + " \"n\": 12345678901234567890.000000000000000001}'";

    @Test
    void jsonTextRoundTrips(Connection c) throws SQLException {
        // json keeps the text as written: compare as text.
        roundTrips(c, "echo_json", "json", null, DOC, "'  [1,   2] '", "'\"x\"'", "'null'");
        roundTrips(c, "echo_jsonb_text", "jsonb", "=", DOC, "'[]'", "'{}'", "'1e-5'");
    }

    @Test
    void jsonbTreesRoundTripExactly(Connection c) throws SQLException {
        roundTrips(c, "echo_jsonb", "jsonb", "=", DOC, "'[]'", "'\"\"'", "'null'", "'-0.0000000000000000000001'",
                "'{\"big\": 1e300, \"long\": 9223372036854775808}'");
    }

    @Test
    void treeOperationsMatchTheServers(Connection c) throws SQLException {
        assertEquals(true, one(c, "SELECT field(d, 'a') = d -> 'a' AND field(d, 'b') = d -> 'b' AND field(d, 'n') = d -> 'n'"
                + " FROM (SELECT " + DOC + "::jsonb d) t"));
        assertNull(one(c, "SELECT field('{}', 'missing')"), "an absent field is NULL, as with ->");
        assertEquals("{\"k\":7}", text(c, "SELECT pair('k', 7)::text"));
        assertEquals("json", text(c, "SELECT pg_typeof(pair('k', 7))::text"));
    }

    @Test
    void invalidJsonFromJavaIsTheServersError(Connection c) throws SQLException {
        fails(c, "SELECT '{nope'::json", "22P02");
        fails(c, "SELECT raw_json('{nope')", "22P02");
        assertEquals("[1]", text(c, "SELECT raw_json('[1]')::text"));
    }
}
