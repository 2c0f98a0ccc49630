package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/**
 * {@link PointIndex}, a GiST operator class written in Java, in a real index: the planner uses it
 * (an Index Scan, an Index Only Scan for the points themselves), its answers are the operators'
 * own on a sequential scan over many boxes and points, nearest-neighbour order is the order a sort
 * gives, NULL rows and an empty table are handled, a bad point is a clear error, a cancel stops an
 * index build, and a LATIN1 database with an ordinary user and forced JIT get the same answers.
 */
@PgjTest
class PointIndexTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    /** pts: 5000 points on a 1000 × 1000 grid of hundredths (seeded; some repeated), and NULLs. */
    @BeforeEach
    void points(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS pts", "CREATE TABLE pts (id serial PRIMARY KEY, p point)", "SELECT setseed(0.5)",
                "INSERT INTO pts (p) SELECT point(round((random() * 1000)::numeric, 2), round((random() * 1000)::numeric, 2))"
                        + " FROM generate_series(1, 5000)",
                "INSERT INTO pts (p) VALUES (NULL), (NULL), (point(5, 5)), (point(5, 5)), (point(-1e300, 1e300))",
                "CREATE INDEX pts_java ON pts USING gist (p java_point_ops)", "ANALYZE pts");
    }

    /** Search conditions: boxes of every size, empty, degenerate and outside; points present and absent. */
    private static List<String> queries(Connection c) throws SQLException {
        List<String> queries = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 40; i++) {
            double x = random.nextInt(1000);
            double y = random.nextInt(1000);
            double size = 1 + random.nextInt(i < 20 ? 30 : 400);
            queries.add("p <@ box(point(" + x + ", " + y + "), point(" + (x + size) + ", " + (y + size) + "))");
        }
        queries.addAll(List.of("p <@ box '((0,0),(1000,1000))'", "p <@ box '((5,5),(5,5))'", "p <@ box '((2000,2000),(3000,3000))'",
                "p <@ box '((-1e301,-1e301),(0,1e301))'", "p ~= point(5, 5)", "p ~= point(-1, -1)", "p <@ NULL::box"));
        for (Object p : column(c, "SELECT p::text FROM pts WHERE p IS NOT NULL ORDER BY id LIMIT 20")) {
            queries.add("p ~= '" + p + "'");
        }
        return queries;
    }

    private static List<Object> ids(Connection c, String where, boolean indexed) throws SQLException {
        return IndexScans.ids(c, "pts", where, indexed);
    }

    private static String plan(Connection c, String query) throws SQLException {
        return IndexScans.plan(c, query);
    }

    private static void assertIndexAnswersAsSeqScan(Connection c) throws SQLException {
        assertIndexAnswersAsSeqScan(c, queries(c));
    }

    private static void assertIndexAnswersAsSeqScan(Connection c, List<String> queries) throws SQLException {
        int found = 0;
        for (String where : queries) {
            if (!where.endsWith("NULL::box")) {
                contains(plan(c, "SELECT id FROM pts WHERE " + where), "Index Scan using pts_java");
            }
            List<Object> byIndex = ids(c, where, true);
            assertEquals(ids(c, where, false), byIndex, where);
            found += byIndex.size();
        }
        assertTrue(found > 5000, "the queries find rows: " + found);
    }

    /** The distances of the k points nearest to {@code (x, y)}, by the index's order or by a sort. */
    private static List<Object> nearest(Connection c, String from, int k, boolean indexed) throws SQLException {
        exec(c, "SET enable_seqscan = " + !indexed, "SET enable_indexscan = " + indexed);
        try {
            return column(c, "SELECT p <-> point " + from + " FROM pts ORDER BY p <-> point " + from + " LIMIT " + k);
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_indexscan");
        }
    }

    @Test
    void theIndexAnswersAsTheOperatorsDo(Connection c) throws SQLException {
        assertIndexAnswersAsSeqScan(c);
        assertEquals(2, ids(c, "p ~= point(5, 5)", true).size());
        assertEquals(List.of(), ids(c, "p <@ NULL::box", true));
    }

    @Test
    void nearestNeighboursComeInTheOrderOfASort(Connection c) throws SQLException {
        contains(plan(c, "SELECT id FROM pts ORDER BY p <-> point(500, 500) LIMIT 10"), "Index Scan using pts_java");
        Random random = new Random(3);
        for (int i = 0; i < 25; i++) {
            String from = "'(" + random.nextInt(1200) + "," + random.nextInt(1200) + ")'";
            int k = 1 + random.nextInt(i < 20 ? 50 : 6000);
            List<Object> byIndex = nearest(c, from, k, true);
            assertEquals(nearest(c, from, k, false), byIndex, from + " k=" + k);
        }
        // All of them: the NULL rows come last, as a sort puts them.
        assertEquals(nearest(c, "'(0,0)'", 6000, false), nearest(c, "'(0,0)'", 6000, true));
    }

    @Test
    void anIndexOnlyScanReturnsThePointsFromTheKeys(Connection c) throws SQLException {
        exec(c, "VACUUM pts");
        String query = "SELECT p::text FROM pts WHERE p <@ box '((100,100),(400,300))'";
        contains(plan(c, query), "Index Only Scan using pts_java");
        List<Object> byIndex = IndexScans.values(c, query, true);
        assertEquals(IndexScans.values(c, query, false), byIndex);
        assertTrue(byIndex.size() > 100, "found " + byIndex.size());
    }

    @Test
    void theIndexFollowsChanges(Connection c) throws SQLException {
        exec(c, "UPDATE pts SET p = point(p[0] + 0.5, p[1]) WHERE id % 10 = 0", "DELETE FROM pts WHERE id % 7 = 0",
                "INSERT INTO pts (p) SELECT point(i, i) FROM generate_series(1, 2000) i", "INSERT INTO pts (p) VALUES (NULL)");
        assertIndexAnswersAsSeqScan(c);
        exec(c, "VACUUM pts");
        assertIndexAnswersAsSeqScan(c);
        assertEquals(nearest(c, "'(700,300)'", 300, false), nearest(c, "'(700,300)'", 300, true));
    }

    @Test
    void anEmptyTableAndOneOfNulls(Connection c) throws SQLException {
        exec(c, "TRUNCATE pts");
        assertEquals(List.of(), ids(c, "p <@ box '((0,0),(1000,1000))'", true));
        assertEquals(List.of(), nearest(c, "'(1,1)'", 5, true));
        exec(c, "INSERT INTO pts (p) SELECT NULL FROM generate_series(1, 300)");
        assertEquals(List.of(), ids(c, "p <@ box '((0,0),(1000,1000))'", true));
        assertEquals(300, nearest(c, "'(1,1)'", 1000, true).size());
        exec(c, "INSERT INTO pts (p) VALUES (point(1, 2))");
        assertEquals(1, ids(c, "p <@ box '((0,0),(1000,1000))'", true).size());
    }

    @Test
    void theCatalogHasTheOperatorClass(Connection c) throws SQLException {
        assertEquals(List.of(List.of("gist", "point", "box", false)), rows(c, """
                SELECT am.amname, c.opcintype::regtype::text, c.opckeytype::regtype::text, c.opcdefault FROM pg_opclass c
                JOIN pg_am am ON am.oid = c.opcmethod WHERE c.opcname = 'java_point_ops'"""));
        assertEquals(List.of("15 <-> o", "28 <@ s", "6 ~= s"), column(c, """
                SELECT o.amopstrategy || ' ' || op.oprname || ' ' || o.amoppurpose::text FROM pg_amop o
                JOIN pg_operator op ON op.oid = o.amopopr JOIN pg_opclass c ON c.opcfamily = o.amopfamily
                WHERE c.opcname = 'java_point_ops' ORDER BY 1"""));
        assertEquals(List.of("1 java_point_ops_consistent", "2 java_point_ops_union", "3 java_point_ops_compress",
                "5 java_point_ops_penalty", "6 java_point_ops_picksplit", "7 java_point_ops_same", "8 java_point_ops_distance",
                "9 java_point_ops_fetch"), column(c, """
                SELECT p.amprocnum || ' ' || p.amproc::regproc::text FROM pg_amproc p
                JOIN pg_opclass c ON c.opcfamily = p.amprocfamily WHERE c.opcname = 'java_point_ops' ORDER BY p.amprocnum"""));
        // The server's own check of an operator class: signatures, numbers and strategies fit GiST.
        assertEquals(true, one(c, "SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'java_point_ops'"));
    }

    /** A point the class refuses is its error, in an insert as in a build, and the session carries on. */
    @Test
    void aBadPointIsAClearError(Connection c) throws SQLException {
        contains(fails(c, "INSERT INTO pts (p) VALUES (point('NaN', 1))", "22023").getServerErrorMessage().getMessage(),
                "cannot index a point with NaN coordinates");
        assertEquals(1, one(c, "SELECT 1"));
        exec(c, "DROP INDEX pts_java", "INSERT INTO pts (p) VALUES (point(1, 'NaN'))");
        fails(c, "CREATE INDEX pts_java ON pts USING gist (p java_point_ops)", "22023");
        exec(c, "DELETE FROM pts WHERE p[1] = 'NaN'", "CREATE INDEX pts_java ON pts USING gist (p java_point_ops)");
        assertIndexAnswersAsSeqScan(c);
    }

    @Test
    void aCancelStopsAnIndexBuild(Connection c, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        exec(c, "DROP INDEX pts_java", "INSERT INTO pts (p) SELECT point(random() * 1e6, random() * 1e6)"
                + " FROM generate_series(1, 400000)");
        String build = "CREATE INDEX pts_java ON pts USING gist (p java_point_ops)";
        try (Connection observer = server.connect();
             RunningStatement running = RunningStatement.start(c, observer, build).awaitActive(WIDE)) {
            running.stop(RunningStatement.Stop.CANCEL, WIDE);
            assertEquals("57014", running.outcome(WIDE).getSQLState());
        }
        assertEquals(1, one(c, "SELECT 1"), "the session carries on");
        assertEquals(0L, one(c, "SELECT count(*) FROM pg_class WHERE relname = 'pts_java'"));
        exec(c, "DELETE FROM pts WHERE id > 5005", build);
        assertIndexAnswersAsSeqScan(c);
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** An ordinary user in a LATIN1 database indexes a table of theirs with the class, and queries it. */
    @Test
    void anOrdinaryUserInALatin1Database(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_gist_latin1", "LATIN1", "indexes");
             Connection user = latin1.connectAsOrdinaryUser()) {
            exec(user, "CREATE TABLE pts (id serial PRIMARY KEY, p point)",
                    "INSERT INTO pts (p) SELECT point(i % 100, i / 100) FROM generate_series(0, 9999) i",
                    "CREATE INDEX pts_java ON pts USING gist (p java_point_ops)", "ANALYZE pts");
            contains(plan(user, "SELECT id FROM pts WHERE p <@ box '((10,10),(12,13))'"), "Index Scan using pts_java");
            assertEquals(12, ids(user, "p <@ box '((10,10),(12,13))'", true).size());
            assertEquals(nearest(user, "'(50.5,50.5)'", 40, false), nearest(user, "'(50.5,50.5)'", 40, true));
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void withJitForced(Connection c) throws SQLException {
        exec(c, "SET jit = on", "SET jit_above_cost = 0", "SET jit_inline_above_cost = 0", "SET jit_optimize_above_cost = 0");
        // Every query compiles: the large boxes and the points are enough.
        List<String> queries = queries(c);
        assertIndexAnswersAsSeqScan(c, queries.subList(20, queries.size()));
        assertEquals(nearest(c, "'(10,990)'", 100, false), nearest(c, "'(10,990)'", 100, true));
        assertEquals(1, one(c, "SELECT 1"));
    }
}
