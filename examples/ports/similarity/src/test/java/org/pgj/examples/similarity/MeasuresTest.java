package org.pgj.examples.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.validationFailures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/**
 * What the original's expected output does not show: NULLs, empty strings, the four measures its
 * test1 leaves commented out, bad input, settings, non-ASCII text, a LATIN1 database, an
 * ordinary user and a statement timeout. The values marked "C" were computed by the C original
 * 1.0 (built with PGXS against PostgreSQL 15, in a database of its own next to the port).
 */
@PgjTest
class MeasuresTest {
    private static final List<String> TEXT_FUNCTIONS = List.of("block", "cosine", "dice", "euclidean", "hamming_text",
            "jaccard", "jaro", "jarowinkler", "lev", "matchingcoefficient", "mongeelkan", "needlemanwunsch",
            "overlapcoefficient", "qgram", "smithwaterman", "smithwatermangotoh", "soundex");

    private static double number(Connection c, String sql) throws SQLException {
        return ((Number) one(c, sql)).doubleValue();
    }

    @Test
    void everyFunctionResolves(Connection c) throws SQLException {
        assertEquals(List.of(), validationFailures(c));
    }

    @Test
    void nullGivesNull(Connection c) throws SQLException {
        for (String f : TEXT_FUNCTIONS) {
            for (String suffix : List.of("", "_op")) {
                assertNull(one(c, "select " + f + suffix + "(NULL, 'x')"), f + suffix);
                assertNull(one(c, "select " + f + suffix + "('x', NULL)"), f + suffix);
            }
        }
        assertNull(one(c, "select hamming(NULL, B'1')"));
        assertNull(one(c, "select hamming_op(B'1', NULL)"));
        assertNull(one(c, "select 'x' ~++ NULL"));
    }

    /** C: block, cosine, dice, euclidean, matching, Monge-Elkan and overlap divide 0 by 0. */
    @Test
    void emptyStrings(Connection c) throws SQLException {
        for (String nan : List.of("block('', '')", "cosine('', 'a')", "dice('', '')", "euclidean('', '')",
                "matchingcoefficient('', '')", "mongeelkan('', 'a')", "overlapcoefficient('', '')")) {
            assertTrue(Double.isNaN(number(c, "select " + nan)), nan);
        }
        assertEquals(0.0, number(c, "select jaccard('a', '')"));
        assertEquals(0.0, number(c, "select jaro('', '')"));
        assertEquals(0.0, number(c, "select jarowinkler('', 'x')"));
        assertEquals(1.0, number(c, "select lev('', '')"));
        assertEquals(1.0, number(c, "select needlemanwunsch('', '')"));
        assertEquals(1.0, number(c, "select qgram('', '')"));
        assertEquals(1.0, number(c, "select smithwaterman('', '')"));
        assertEquals(1.0, number(c, "select smithwatermangotoh('', 'ab')"));
        assertEquals(1.0, number(c, "select hamming_text('', '')"));
        assertEquals(1.0, number(c, "select hamming(B'', B'')"));
        assertEquals(false, one(c, "select '' ~++ ''")); // NaN reaches no threshold
        // C: the n-grams of one character are cut where its C string ended.
        assertEquals(0.25, number(c, "select qgram('a', 'b')"));
        assertEquals(1.0, number(c, "select qgram('a', 'a')"));
    }

    @Test
    void measuresTheOriginalTestLeavesOut(Connection c) throws SQLException {
        String a = "'Euler Taveira de Oliveira'";
        String b = "'Euler T Oliveira'";
        assertEquals(24.5, number(c, "select mongeelkan(" + a + ", " + b + ")")); // C
        assertEquals(1.28, number(c, "select needlemanwunsch(" + a + ", " + b + ")")); // C
        assertEquals(0.71875, number(c, "select smithwaterman(" + a + ", " + b + ")")); // C
        assertEquals(1.5625, number(c, "select smithwatermangotoh(" + a + ", " + b + ")")); // C
        assertEquals(-0.5416666666666667, number(c, "select needlemanwunsch('acgt', 'agct')")); // C
        assertEquals(-1.3095238095238093, number(c, "select needlemanwunsch('GATTACA', 'gattaca')")); // C
        assertEquals(2.22, number(c, "select smithwatermangotoh('Oiler Taviera do Oliviera', " + a + ")")); // C
        assertEquals(12.0, number(c, "select mongeelkan('abcd', 'abxd')")); // C
        assertEquals(0.625, number(c, "select smithwaterman('abcd', 'abxd')")); // C
        exec(c, "set pg_similarity.nw_gap_penalty = -2", "set pg_similarity.nw_is_normalized = off",
                "set pg_similarity.sw_is_normalized = off", "set pg_similarity.swg_is_normalized = off");
        assertEquals(23.0, number(c, "select needlemanwunsch('acgt', 'agct')")); // C
        assertEquals(5.0, number(c, "select smithwaterman('abcd', 'abxd')")); // C
        assertEquals(21.0, number(c, "select smithwatermangotoh('Euler', 'Oiler')")); // C
        assertEquals(true, one(c, "select 'Euler' ~!~ 'Oiler'")); // the operator normalizes: 2.1 >= 0.7
        assertEquals(false, one(c, "select 'acgt' ~#~ 'agct'"));
    }

    @Test
    void badInputIsAnErrorAndTheSessionCarriesOn(Connection c) throws SQLException {
        assertEquals("bit strings must have the same length",
                fails(c, "select hamming(B'1', B'10')", "22023").getServerErrorMessage().getMessage());
        assertEquals("text strings must have the same length",
                fails(c, "select 'ab' ~@~ 'abc'", "22023").getServerErrorMessage().getMessage());
        assertEquals("string doesn't contain non-alpha character(s)",
                fails(c, "select soundex('123', 'abc')", "22023").getServerErrorMessage().getMessage());
        fails(c, "select soundex('', 'abc')", "22023"); // the original crashes the backend here
        for (String f : TEXT_FUNCTIONS) {
            assertEquals("argument exceeds the maximum length of 1024 bytes", fails(c,
                    "select " + f + "(repeat('x', 1025), repeat('x', 1025))", "22023").getServerErrorMessage().getMessage());
        }
        // The limit is in bytes: é is two in UTF-8.
        assertEquals(1.0, number(c, "select lev(repeat('é', 512), repeat('É', 512))"));
        fails(c, "select lev(repeat('é', 513), 'a')", "22023");
    }

    @Test
    void settingsChangeResultsAndOperators(Connection c) throws SQLException {
        // The settings exist once the session has loaded pgj (its first call), as the original's
        // once it has loaded its library; before, SET makes a placeholder (OriginalSuiteTest preloads).
        one(c, "select lev('a', 'b')");
        fails(c, "set pg_similarity.cosine_threshold = 1.1", "22023");
        fails(c, "set pg_similarity.qgram_tokenizer = 'alnum'", "22023");
        fails(c, "set pg_similarity.block_tokenizer = 'nonsense'", "22023");
        assertEquals(1.0 - 1.0 / 3.0, number(c, "select lev('abc', 'ABD')"));
        exec(c, "set pg_similarity.levenshtein_is_normalized = off");
        assertEquals(1.0, number(c, "select lev('abc', 'ABD')"));
        assertEquals(false, one(c, "select 'abc' ~== 'ABD'")); // normalized, whatever the setting: 0.67 < 0.7
        exec(c, "set pg_similarity.levenshtein_threshold = 0.6");
        assertEquals(true, one(c, "select 'abc' ~== 'ABD'"));
        assertEquals(0.0, number(c, "select jaccard('fooBar', 'foo bar')"));
        exec(c, "set pg_similarity.jaccard_tokenizer = 'camelcase'");
        assertEquals(1.0 / 3.0, number(c, "select jaccard('fooBar', 'foo Bar')")); // {foo, Bar} and {foo , Bar}
        exec(c, "set pg_similarity.jaccard_tokenizer = 'word'");
        assertEquals(0.0, number(c, "select jaccard('Foo', 'foo')")); // tokens keep their case, as in the original
    }

    /** The port works on characters and Unicode's classes where the original works on bytes. */
    @Test
    void nonAsciiText(Connection c) throws SQLException {
        assertEquals(1.0, number(c, "select lev('café', 'CAFÉ')"));
        assertEquals(1.0 / 3.0, number(c, "select jaccard('naïve café', 'naïve cafe')"));
        assertEquals(0.0, number(c, "select hamming_text('é', 'e')"));
        assertEquals(0.5, number(c, "select hamming_text('日本', '日米')"));
        assertEquals(1.0, number(c, "select soundex('Müller', 'Muller')")); // codes are for ASCII letters
        assertEquals(1.0, number(c, "select jaccard('Straße 1', 'Straße 1')"));
        assertEquals(1.0 - 2.0 / 7.0, number(c, "select lev('Straße', 'STRASSE')")); // ß is one character
    }

    @Test
    void aLatin1Database(PgServer server) throws SQLException {
        try (Connection admin = server.connect()) {
            exec(admin, "DROP DATABASE IF EXISTS similarity_latin1",
                    "CREATE DATABASE similarity_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        String url = server.jdbcUrl().replace("/" + server.database() + "?", "/similarity_latin1?");
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "CREATE EXTENSION pg_similarity");
            assertEquals(1.0, number(c, "select lev('café', 'CAFÉ')"));
            assertEquals(0.5714285714285714, number(c, "select block('Euler Taveira de Oliveira', 'Euler T Oliveira')"));
            assertEquals(1.0 / 3.0, number(c, "select jaccard('naïve café', 'naïve cafe')"));
            fails(c, "select hamming_text('é', 'ée')", "22023");
        }
    }

    @Test
    void anOrdinaryUser(PgServer server, Connection c) throws SQLException {
        exec(c, "DROP ROLE IF EXISTS similarity_user", "CREATE ROLE similarity_user LOGIN");
        try (Connection user = server.connectAs("similarity_user")) {
            assertEquals(0.64, number(user, "select lev('Euler Taveira de Oliveira', 'Euler T Oliveira')"));
            exec(user, "set pg_similarity.levenshtein_threshold = 0.5");
            assertEquals(true, one(user, "select 'Euler Taveira de Oliveira' ~== 'Euler T Oliveira'"));
        }
    }

    @Test
    void aStatementTimeoutStopsALongQuery(Connection c) throws SQLException {
        exec(c, "set statement_timeout = '300ms'");
        fails(c, "select count(*) from generate_series(1, 100000000) g where smithwatermangotoh(repeat('ab', 40), 'ba' || g) > 2",
                "57014");
        exec(c, "reset statement_timeout");
        assertEquals(List.of(1), column(c, "select 1"));
    }
}
