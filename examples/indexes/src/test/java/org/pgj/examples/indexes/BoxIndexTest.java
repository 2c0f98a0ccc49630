package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/**
 * {@link BoxIndex}, a GiST class that stores its values as keys (no compress) and lets the server
 * recheck: its answers are the operators' own on a sequential scan for overlapping, containing and
 * contained boxes, NULL rows included, and the boxes come back from the index in an index-only scan.
 */
@PgjTest
class BoxIndexTest {
    /** boxes: 4000 boxes of whole coordinates, sizes 0 to 60, seeded; plus NULLs and repeats. */
    @BeforeEach
    void boxes(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS boxes", "CREATE TABLE boxes (id serial PRIMARY KEY, b box)", "SELECT setseed(0.75)",
                "INSERT INTO boxes (b) SELECT box(point(x, y), point(x + floor(random() * 60), y + floor(random() * 60)))"
                        + " FROM (SELECT floor(random() * 1000) x, floor(random() * 1000) y FROM generate_series(1, 4000)) s",
                "INSERT INTO boxes (b) VALUES (NULL), (box '((1,1),(1,1))'), (box '((1,1),(1,1))'), (NULL)",
                "CREATE INDEX boxes_java ON boxes USING gist (b java_box_ops)", "VACUUM ANALYZE boxes");
    }

    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 45; i++) {
            int x = random.nextInt(1000);
            int y = random.nextInt(1000);
            int size = random.nextInt(i % 3 == 2 ? 300 : 40);
            String box = "box '((" + x + "," + y + "),(" + (x + size) + "," + (y + size) + "))'";
            queries.add("b " + List.of("&&", "@>", "<@").get(i % 3) + " " + box);
        }
        queries.addAll(List.of("b @> box '((1,1),(1,1))'", "b <@ box '((0,0),(2000,2000))'", "b && box '((-5,-5),(-1,-1))'",
                "b && NULL::box"));
        return queries;
    }

    private static List<Object> ids(Connection c, String where, boolean indexed) throws SQLException {
        return IndexScans.ids(c, "boxes", where, indexed);
    }

    private static String plan(Connection c, String query) throws SQLException {
        return IndexScans.plan(c, query);
    }

    @Test
    void theIndexAnswersAsTheOperatorsDo(Connection c) throws SQLException {
        int found = 0;
        for (String where : queries()) {
            if (!where.endsWith("NULL::box")) {
                contains(plan(c, "SELECT id FROM boxes WHERE " + where), "Index Scan using boxes_java");
            }
            List<Object> byIndex = ids(c, where, true);
            assertEquals(ids(c, where, false), byIndex, where);
            found += byIndex.size();
        }
        assertTrue(found > 4000, "the queries find rows: " + found);
        assertEquals(4000, ids(c, "b <@ box '((0,0),(2000,2000))'", true).size() - 2);
    }

    /** Without compress the key is the value: GiST returns it in an index-only scan, with no fetch method. */
    @Test
    void anIndexOnlyScanReturnsTheStoredBoxes(Connection c) throws SQLException {
        String query = "SELECT b::text FROM boxes WHERE b && box '((200,200),(500,400))'";
        contains(plan(c, query), "Index Only Scan using boxes_java");
        List<Object> byIndex = IndexScans.values(c, query, true);
        assertEquals(IndexScans.values(c, query, false), byIndex);
        assertTrue(byIndex.size() > 100, "found " + byIndex.size());
    }

    @Test
    void theCatalogHasTheClassWithoutAStorageType(Connection c) throws SQLException {
        assertEquals(0L, one(c, "SELECT opckeytype::int8 FROM pg_opclass WHERE opcname = 'java_box_ops'"));
        assertEquals(List.of(1, 2, 4, 5, 6, 7), column(c, """
                SELECT p.amprocnum::int FROM pg_amproc p JOIN pg_opclass c ON c.opcfamily = p.amprocfamily
                WHERE c.opcname = 'java_box_ops' ORDER BY 1"""));
        assertEquals(true, one(c, "SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'java_box_ops'"));
    }
}
