package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/**
 * {@link TagIndex}: NULL keys (NULL elements of an array, in the rows and in the query), empty
 * arrays (items without keys) and NULL arrays, through the index as on a sequential scan.
 */
@PgjTest
class TagIndexTest {
    private static List<Object> ids(Connection c, String where, boolean indexed) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexed, "SET enable_bitmapscan = " + indexed);
        try {
            return column(c, "SELECT id FROM tagged WHERE " + where + " ORDER BY id");
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan");
        }
    }

    @Test
    void nullKeysEmptyItemsAndNullItems(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS tagged", "CREATE TABLE tagged (id int PRIMARY KEY, tags text[])", """
                INSERT INTO tagged VALUES (1, '{red,blue}'), (2, '{red,NULL}'), (3, '{NULL}'), (4, '{}'), (5, NULL),
                    (6, '{blue,NULL,green}'), (7, '{NULL,NULL}')""",
                "INSERT INTO tagged SELECT i, ARRAY['t' || i % 50, CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' END]"
                        + " FROM generate_series(10, 2000) i",
                "CREATE INDEX tagged_tags ON tagged USING gin (tags tag_ops)", "ANALYZE tagged");
        assertEquals(List.of(2, 3, 6, 7), ids(c, "tags @>> '{NULL}' AND id < 10", true), "NULL keys");
        assertEquals(List.of(2), ids(c, "tags @>> '{red,NULL}' AND id < 10", true));
        assertEquals(List.of(1, 2, 3, 4, 6, 7), ids(c, "tags @>> '{}' AND id < 10", true), "empty and NULL-only items");
        int found = 0;
        for (String query : List.of("'{NULL}'", "'{red,NULL}'", "'{}'", "'{t7,NULL}'", "'{t7}'", "'{x}'", "'{nothing}'",
                "'{NULL,NULL}'", "NULL")) {
            String where = "tags @>> " + query;
            exec(c, "SET enable_seqscan = off");
            if (!query.equals("NULL")) {
                contains(String.join("\n", column(c, "EXPLAIN SELECT id FROM tagged WHERE " + where).stream()
                        .map(Object::toString).toList()), "Bitmap Index Scan on tagged_tags");
            }
            exec(c, "RESET enable_seqscan");
            List<Object> byIndex = ids(c, where, true);
            assertEquals(ids(c, where, false), byIndex, where);
            found += byIndex.size();
        }
        assertEquals(true, found > 2000, "the queries find rows: " + found);
    }
}
