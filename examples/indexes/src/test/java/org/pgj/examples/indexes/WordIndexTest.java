package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.test.Sql.rows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/**
 * {@link WordIndex}, a GIN operator class written in Java, in a real index: the planner uses it
 * (a Bitmap Index Scan), and its answers are the operators' own on a sequential scan, for each
 * strategy, NULLs, texts without words, queries without words and prefixes; a word too long is a
 * clear error; a cancel stops an index build; a LATIN1 database, an ordinary user and forced JIT
 * get the same answers.
 */
@PgjTest
// Its own test forces JIT; the examples' JIT-forced pass leaves the class out (examples/pom.xml).
@Tag("own-jit-test")
class WordIndexTest {
    private static final Duration WIDE = Duration.ofSeconds(60);
    private static final List<String> QUERIES = List.of(
            "body &&& 'apple'", "body &&& 'Apple, PEAR!'", "body &&& 'nothing'", "body &&& ''", "body &&& '...'",
            "body @@@ 'apple pear'", "body @@@ 'apple'", "body @@@ ''", "body @@@ 'apple nothing'",
            "body ^^^ 'ap'", "body ^^^ 'p'", "body ^^^ 'zz'", "body ^^^ 'a p'", "body ^^^ ''", "body &&& NULL");

    /** docs: 3000 texts of words from a small vocabulary (seeded), plus NULL, empty and word-less ones. */
    @BeforeEach
    void docs(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS docs", "CREATE TABLE docs (id serial PRIMARY KEY, body text)",
                "SELECT setseed(0.25)", """
                INSERT INTO docs (body)
                SELECT (SELECT string_agg((ARRAY['apple', 'Apple', 'pear', 'apricot', 'plum', 'peach', 'fig', 'kiwi',
                        'grape', 'lime', 'x1', 'ÄPFEL'])[1 + floor(random() * 12)::int], CASE WHEN random() < 0.3 THEN ', '
                        ELSE ' ' END) FROM generate_series(1, 1 + (i % 5)) WHERE i > 0)
                FROM generate_series(1, 3000) i""",
                "INSERT INTO docs (body) VALUES (NULL), (NULL), (''), ('...'), ('  '), ('apple'), ('PEAR apple')",
                "CREATE INDEX docs_words ON docs USING gin (body word_ops)", "ANALYZE docs");
    }

    /** The ids a query finds, by the index (only a bitmap scan allowed) or by a sequential scan. */
    private static List<Object> ids(Connection c, String where, boolean indexed) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexed, "SET enable_bitmapscan = " + indexed, "SET enable_indexscan = off");
        try {
            return column(c, "SELECT id FROM docs WHERE " + where + " ORDER BY id");
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan", "RESET enable_indexscan");
        }
    }

    private static String plan(Connection c, String where) throws SQLException {
        exec(c, "SET enable_seqscan = off");
        try {
            return String.join("\n", column(c, "EXPLAIN SELECT id FROM docs WHERE " + where).stream()
                    .map(Object::toString).toList());
        } finally {
            exec(c, "RESET enable_seqscan");
        }
    }

    private static void assertIndexAnswersAsSeqScan(Connection c) throws SQLException {
        int found = 0;
        for (String where : QUERIES) {
            if (!where.endsWith("NULL")) {
                contains(plan(c, where), "Bitmap Index Scan on docs_words");
            }
            List<Object> byIndex = ids(c, where, true);
            assertEquals(ids(c, where, false), byIndex, where);
            found += byIndex.size();
        }
        assertTrue(found > 3000, "the queries find rows: " + found);
    }

    @Test
    void theIndexAnswersAsTheOperatorsDo(Connection c) throws SQLException {
        assertIndexAnswersAsSeqScan(c);
        // Case and punctuation do not count; every row but the NULL ones has all the words of none.
        assertEquals(ids(c, "body &&& 'apple'", true), ids(c, "body &&& '  APPLE.'", true));
        assertEquals(one(c, "SELECT count(*) FROM docs WHERE body IS NOT NULL"), (long) ids(c, "body @@@ ''", true).size());
        assertEquals(List.of(), ids(c, "body &&& ''", true));
        assertEquals(List.of(), ids(c, "body ^^^ 'a p'", true), "a prefix of two words finds nothing");
        assertFalse(ids(c, "body ^^^ 'ap'", true).isEmpty());
    }

    @Test
    void theIndexFollowsChanges(Connection c) throws SQLException {
        exec(c, "UPDATE docs SET body = 'quince' WHERE id % 100 = 0", "DELETE FROM docs WHERE id % 7 = 0",
                "INSERT INTO docs (body) VALUES ('quince jam'), (NULL), ('')");
        assertEquals(ids(c, "body &&& 'quince'", false), ids(c, "body &&& 'quince'", true));
        // 30 rows updated, 4 of them (700, 1400, ...) deleted, one inserted.
        assertEquals(27L, (long) ids(c, "body &&& 'quince'", true).size());
        exec(c, "VACUUM docs");
        assertIndexAnswersAsSeqScan(c);
    }

    @Test
    void theCatalogHasTheOperatorClass(Connection c) throws SQLException {
        // The storage type is the column's, which the catalog records as none (0).
        assertEquals(List.of(List.of("gin", "text", 0L, false)), rows(c, """
                SELECT am.amname, c.opcintype::regtype::text, c.opckeytype::int8, c.opcdefault FROM pg_opclass c
                JOIN pg_am am ON am.oid = c.opcmethod WHERE c.opcname = 'word_ops'"""));
        assertEquals(List.of("1 &&&", "2 @@@", "3 ^^^"), column(c, """
                SELECT o.amopstrategy || ' ' || op.oprname FROM pg_amop o JOIN pg_operator op ON op.oid = o.amopopr
                JOIN pg_opclass c ON c.opcfamily = o.amopfamily WHERE c.opcname = 'word_ops' ORDER BY 1"""));
        assertEquals(List.of("1 word_ops_compare", "2 word_ops_extract_value", "3 word_ops_extract_query",
                "4 word_ops_consistent", "5 word_ops_compare_partial", "6 word_ops_tri_consistent"), column(c, """
                SELECT p.amprocnum || ' ' || p.amproc::regproc::text FROM pg_amproc p
                JOIN pg_opclass c ON c.opcfamily = p.amprocfamily WHERE c.opcname = 'word_ops' ORDER BY 1"""));
    }

    /** A word over the limit is the tokenizer's error, in the index as in the operator. */
    @Test
    void aWordTooLongIsAClearError(Connection c) throws SQLException {
        String word = "x".repeat(Words.LONGEST + 1);
        contains(fails(c, "INSERT INTO docs (body) VALUES ('fig " + word + "')", "54000").getServerErrorMessage()
                .getMessage(), "word is too long to be indexed");
        fails(c, "SELECT 'fig' &&& '" + word + "'", "54000");
        exec(c, "DROP INDEX docs_words", "INSERT INTO docs (body) VALUES ('" + word + "')");
        fails(c, "CREATE INDEX docs_words ON docs USING gin (body word_ops)", "54000");
        exec(c, "DELETE FROM docs WHERE length(body) > 100", "CREATE INDEX docs_words ON docs USING gin (body word_ops)");
        assertIndexAnswersAsSeqScan(c);
    }

    @Test
    void aCancelStopsAnIndexBuild(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        exec(c, "DROP INDEX docs_words", "INSERT INTO docs (body) SELECT 'apple pear plum peach fig kiwi ' || i"
                + " FROM generate_series(1, 300000) i");
        String build = "CREATE INDEX docs_words ON docs USING gin (body word_ops)";
        try (Connection observer = server.connect();
             RunningStatement running = RunningStatement.start(c, observer, build).awaitActive(WIDE)) {
            running.stop(RunningStatement.Stop.CANCEL, WIDE);
            assertEquals("57014", running.outcome(WIDE).getSQLState());
        }
        assertEquals(1, one(c, "SELECT 1"), "the session carries on");
        assertEquals(0L, one(c, "SELECT count(*) FROM pg_class WHERE relname = 'docs_words'"));
        exec(c, "DELETE FROM docs WHERE id > 3007", build);
        assertIndexAnswersAsSeqScan(c);
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void aLatin1Database(PgServer server) throws SQLException {
        try (Connection admin = server.connect()) {
            exec(admin, "DROP DATABASE IF EXISTS pgj_indexes_latin1", "CREATE DATABASE pgj_indexes_latin1 ENCODING 'LATIN1'"
                    + " LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        String url = server.jdbcUrl().replace("/" + server.database() + "?", "/pgj_indexes_latin1?");
        try (Connection c = new org.postgresql.Driver().connect(url, new Properties())) {
            exec(c, "CREATE EXTENSION indexes", "CREATE TABLE docs (id serial PRIMARY KEY, body text)",
                    "INSERT INTO docs (body) SELECT (ARRAY['Café crème', 'CAFÉ noir', 'thé', 'crème brûlée', NULL, ''])[1 + i % 6]"
                            + " FROM generate_series(0, 599) i",
                    "CREATE INDEX docs_words ON docs USING gin (body word_ops)", "ANALYZE docs");
            assertEquals(200, ids(c, "body &&& 'café'", true).size());
            assertEquals(200, ids(c, "body ^^^ 'cr'", true).size());
            assertEquals(ids(c, "body @@@ 'CRÈME café'", false), ids(c, "body @@@ 'CRÈME café'", true));
            contains(plan(c, "body &&& 'café'"), "Bitmap Index Scan on docs_words");
        } finally {
            try (Connection admin = server.connect()) {
                exec(admin, "DROP DATABASE IF EXISTS pgj_indexes_latin1");
            }
        }
    }

    /** An ordinary user indexes a table of theirs with the class, and queries it. */
    @Test
    void anOrdinaryUser(Connection c, PgServer server) throws SQLException {
        exec(c, "DROP SCHEMA IF EXISTS reader_space CASCADE", "DROP ROLE IF EXISTS word_reader",
                "CREATE ROLE word_reader LOGIN", "CREATE SCHEMA reader_space AUTHORIZATION word_reader");
        try (Connection user = server.connectAs("word_reader")) {
            exec(user, "SET search_path = reader_space, public", "CREATE TABLE docs (id serial PRIMARY KEY, body text)",
                    "INSERT INTO docs (body) SELECT 'fig ' || i FROM generate_series(1, 500) i",
                    "CREATE INDEX docs_words ON docs USING gin (body word_ops)", "ANALYZE docs");
            contains(plan(user, "body &&& '42'"), "Bitmap Index Scan on docs_words");
            assertEquals(List.of(42), ids(user, "body &&& '42'", true));
            assertEquals(500, ids(user, "body @@@ 'FIG'", true).size());
        } finally {
            exec(c, "DROP SCHEMA reader_space CASCADE", "DROP ROLE word_reader");
        }
    }

    @Test
    void withJitForced(Connection c) throws SQLException {
        exec(c, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0", "SET jit_optimize_above_cost = 0");
        assertIndexAnswersAsSeqScan(c);
        assertEquals(1, one(c, "SELECT 1"));
    }
}
