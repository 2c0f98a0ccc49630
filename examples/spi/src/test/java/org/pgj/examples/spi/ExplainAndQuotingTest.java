package org.pgj.examples.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.test.Sql;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/** EXPLAIN as JSON, and the server's quoting of identifiers and literals. */
@PgjTest
class ExplainAndQuotingTest {
    private static final List<String> TRICKY = List.of("plain", "Mixed", "with space", "select", "a\"b", "it's",
            "back\\slash", "ünï", "123abc", "_x1", "");

    @Test
    @InBackend
    void explainReturnsTheJsonPlan() {
        String plan = Spi.explain("SELECT * FROM generate_series(1, 10) g WHERE g > $1", 5);
        assertTrue(plan.startsWith("["), plan);
        assertTrue(plan.contains("\"Node Type\": \"Function Scan\""), plan);
        assertTrue(plan.contains("\"Filter\": \"(g > 5)\""), plan);
        try (SpiConnection spi = Spi.connect()) {
            spi.run("CREATE TEMP TABLE explained(id int PRIMARY KEY)");
            assertTrue(spi.explain("SELECT * FROM explained WHERE id = 1").contains("\"Relation Name\": \"explained\""));
            assertEquals(0L, spi.getOne("SELECT count(*) FROM explained", Long.class).orElseThrow(), "nothing ran");
        }
    }

    @Test
    @InBackend
    void quotingMatchesTheServersOwnFunctions() {
        for (String s : TRICKY) {
            assertEquals(Spi.getOne("SELECT quote_ident($1)", String.class, s).orElseThrow(), Spi.quoteIdentifier(s), s);
            assertEquals(Spi.getOne("SELECT quote_literal($1)", String.class, s).orElseThrow(), Spi.quoteLiteral(s), s);
        }
        assertEquals("plain", Spi.quoteIdentifier("plain"));
        assertEquals("\"Mixed\"", Spi.quoteIdentifier("Mixed"));
        assertEquals("\"select\"", Spi.quoteIdentifier("select"));
        assertEquals("\"a\"\"b\"", Spi.quoteIdentifier("a\"b"));
        assertEquals("'it''s'", Spi.quoteLiteral("it's"));
        assertEquals("E'back\\\\slash'", Spi.quoteLiteral("back\\slash"));
        assertEquals("NULL", Spi.quoteLiteral(null));
        assertEquals("public.t", Spi.quoteQualifiedIdentifier("public", "t"));
        assertEquals("\"My Schema\".\"order\"", Spi.quoteQualifiedIdentifier("My Schema", "order"));
        assertEquals("t", Spi.quoteQualifiedIdentifier(null, "t"));
        assertThrows(NullPointerException.class, () -> Spi.quoteIdentifier(null));
        PgException nul = assertThrows(PgException.class, () -> Spi.quoteIdentifier("a\u0000b"));
        assertEquals("22021", nul.sqlState());
    }

    @Test
    @InBackend
    void quotedNamesWorkInStatements() {
        try (SpiConnection spi = Spi.connect()) {
            for (String name : List.of("Odd Table", "select", "x\"y")) {
                String table = Spi.quoteIdentifier(name);
                spi.run("CREATE TEMP TABLE " + table + "(v text)");
                spi.run("INSERT INTO " + table + " VALUES (" + Spi.quoteLiteral("it's \\ " + name) + ")");
                assertEquals("it's \\ " + name, spi.getOne("SELECT v FROM " + table, String.class).orElseThrow());
            }
        }
    }

    @Test
    void helpersFromSql(Connection c) throws SQLException {
        assertEquals("INSERT INTO \"My Schema\".people VALUES ('it''s')", Sql.one(c, "select insert_statement('My Schema', 'people', 'it''s')"));
        assertEquals("INSERT INTO people VALUES (NULL)", Sql.one(c, "select insert_statement(null, 'people', null)"));
        assertEquals("\"Name\"", Sql.one(c, "select quote_name('Name')"));
        String plan = (String) Sql.one(c, "select explain_json('select * from people where id = 1')");
        assertTrue(plan.contains("\"Index Cond\": \"(id = 1)\""), plan);
        Sql.fails(c, "select explain_json('select * from nowhere')", "42P01");
    }
}
