package org.pgj.examples.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.OriginalSuites;
import org.pgj.test.PgjTest;
import org.postgresql.PGConnection;

/**
 * gin_similarity_ops beyond test4, which shows only that an index does not change its results:
 * on the original's data file and more rows (NULLs, empty and token-less texts), the planner uses
 * the index for each of the class's eight operators, and finds what a sequential scan finds, but
 * for q-grams. The original indexes a text by its alnum tokens, whatever a measure's tokenizer: a
 * row that shares no token with the query is never a candidate, which the seven measures on alnum
 * tokens (their default) cannot match anyway, but q-grams can ({@code 'Oliveira' ~~~ 'oliveira'}).
 * The port keeps that: for {@code ~~~} the index finds a part of what a sequential scan finds.
 */
@PgjTest
class GinIndexTest {
    private static final List<String> OPERATORS = List.of("~++", "~##", "~-~", "~!!", "~??", "~^^", "~**", "~~~");
    private static final List<String> QUERIES = List.of("Euler Taveira de Oliveira", "oliveira", "Oliveira, E.", "", "...");

    private static List<Object> ids(Connection c, String where, boolean indexed) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexed, "SET enable_bitmapscan = " + indexed);
        try {
            return column(c, jdbc("SELECT id FROM simidx WHERE " + where + " ORDER BY id"));
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan");
        }
    }

    /** pgjdbc reads '?' as a parameter and '??' as the character, which ~?? needs. */
    private static String jdbc(String sql) {
        return sql.replace("?", "??");
    }

    @Test
    void theIndexFindsWhatASequentialScanFinds(Connection c) throws SQLException, IOException {
        exec(c, "DROP TABLE IF EXISTS simidx", "CREATE TABLE simidx (id serial PRIMARY KEY, a text)");
        try (Reader data = Files.newBufferedReader(OriginalSuites.of("pg_similarity-1.0").resolve("data/similarity.data"))) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY simidx (a) FROM STDIN", data);
        }
        exec(c, "INSERT INTO simidx (a) VALUES ('Euler Taveira de Oliveira'), ('Euler T. de Oliveira'), ('Oliveira, Euler'),"
                + " ('EULER TAVEIRA'), (NULL), (''), ('...'), ('Oliveira')",
                "CREATE INDEX simidx_a ON simidx USING gin (a gin_similarity_ops)", "ANALYZE simidx");
        int found = 0;
        for (String operator : OPERATORS) {
            for (String query : QUERIES) {
                String where = "a " + operator + " '" + query.replace("'", "''") + "'";
                exec(c, "SET enable_seqscan = off");
                contains(String.join("\n", column(c, jdbc("EXPLAIN SELECT id FROM simidx WHERE " + where)).stream()
                        .map(Object::toString).toList()), "Bitmap Index Scan on simidx_a");
                exec(c, "RESET enable_seqscan");
                List<Object> byIndex = ids(c, where, true);
                List<Object> bySeqScan = ids(c, where, false);
                if (operator.equals("~~~")) {
                    assertTrue(bySeqScan.containsAll(byIndex), where + ": " + byIndex + " within " + bySeqScan);
                } else {
                    assertEquals(bySeqScan, byIndex, where);
                }
                found += byIndex.size();
            }
        }
        assertTrue(found > 20, "the queries find rows: " + found);
        assertEquals(List.of(), ids(c, "a ~~~ 'oliveira'", true), "q-grams: no alnum token in common, as in the original");
        assertEquals(1, ids(c, "a ~~~ 'oliveira'", false).size());
        exec(c, "DROP TABLE simidx");
    }
}
