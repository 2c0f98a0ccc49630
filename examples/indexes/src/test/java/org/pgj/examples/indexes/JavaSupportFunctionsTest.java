package org.pgj.examples.indexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pgj.test.OtherDatabase;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.RunningStatement;
import org.pgj.test.ServerLog;

/**
 * Btree and hash classes whose support functions are Java methods ({@link ReverseOrder},
 * {@link MixedHash}): the server validates them, builds indexes through them, and answers the same
 * rows through the index as without it.
 */
@PgjTest
class JavaSupportFunctionsTest {
    private static final Duration WIDE = Duration.ofSeconds(60);

    private static String plan(Connection c, String query) throws SQLException {
        return column(c, "EXPLAIN (COSTS OFF) " + query).stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    private static List<Object> indexed(Connection c, String query) throws SQLException {
        exec(c, "SET enable_seqscan = off", "SET enable_bitmapscan = off");
        try {
            return column(c, query);
        } finally {
            exec(c, "RESET enable_seqscan", "RESET enable_bitmapscan");
        }
    }

    @Test
    void theClassesAreDeclaredWithTheirJavaFunctions(Connection c) throws SQLException {
        assertEquals("int4_reverse_ops_compare(integer,integer)", one(c, "SELECT p.amproc::regprocedure::text FROM pg_amproc p"
                + " JOIN pg_opfamily f ON f.oid = p.amprocfamily WHERE f.opfname = 'int4_reverse_ops'"));
        assertEquals("int4_mixed_ops_hash(integer) int4_mixed_ops_hash_extended(integer,bigint)", one(c,
                "SELECT string_agg(p.amproc::regprocedure::text, ' ' ORDER BY p.amprocnum) FROM pg_amproc p"
                + " JOIN pg_opfamily f ON f.oid = p.amprocfamily WHERE f.opfname = 'int4_mixed_ops'"));
        assertEquals(-1, one(c, "SELECT int4_reverse_ops_compare(2, 1)"));
    }

    @Test
    void aReverseBtreeIndexOrdersAndChecksUniqueness(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS ranked", "CREATE TABLE ranked (i int)",
                "INSERT INTO ranked SELECT (i * 7919) % 20011 FROM generate_series(1, 20000) i", "INSERT INTO ranked VALUES (NULL)",
                "CREATE UNIQUE INDEX ranked_i ON ranked (i int4_reverse_ops)", "ANALYZE ranked");
        String above = "SELECT i FROM ranked WHERE i > 19990";
        exec(c, "SET enable_seqscan = off");
        contains(plan(c, above), "on ranked_i");
        exec(c, "RESET enable_seqscan");
        assertEquals(column(c, "SELECT i FROM ranked WHERE i > 19990 ORDER BY i DESC"), indexed(c, above),
                "the index returns its order: the largest first");
        assertEquals(column(c, "SELECT i FROM ranked WHERE i BETWEEN 100 AND 120 ORDER BY i DESC"),
                indexed(c, "SELECT i FROM ranked WHERE i >= 100 AND i <= 120"));
        assertEquals(column(c, "SELECT i FROM ranked ORDER BY i DESC NULLS LAST LIMIT 5"),
                indexed(c, "SELECT i FROM ranked ORDER BY i USING > NULLS LAST LIMIT 5"));
        Object existing = one(c, "SELECT i FROM ranked WHERE i IS NOT NULL LIMIT 1");
        assertEquals(List.of(existing), indexed(c, "SELECT i FROM ranked WHERE i = " + existing));
        fails(c, "INSERT INTO ranked VALUES (" + existing + ")", "23505");
        assertEquals(1, one(c, "SELECT 1"));
        exec(c, "DROP TABLE ranked");
    }

    @Test
    void aHashIndexFindsEveryValue(Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS hashed", "CREATE TABLE hashed (i int)",
                "INSERT INTO hashed SELECT i % 5000 FROM generate_series(1, 20000) i",
                "CREATE INDEX hashed_i ON hashed USING hash (i int4_mixed_ops)", "ANALYZE hashed");
        exec(c, "SET enable_seqscan = off");
        contains(plan(c, "SELECT count(*) FROM hashed WHERE i = 77"), "on hashed_i");
        exec(c, "RESET enable_seqscan");
        assertEquals(4L, indexed(c, "SELECT count(*) FROM hashed WHERE i = 77").get(0));
        assertEquals(0L, indexed(c, "SELECT count(*) FROM hashed WHERE i = -77").get(0));
        assertEquals(0L, one(c, "SELECT count(*) FROM generate_series(-10, 6000) v WHERE"
                + " int4_mixed_ops_hash(v) <> int4_mixed_ops_hash_extended(v, 0)::int"), "seed 0 gives the same low 32 bits");
        exec(c, "DROP TABLE hashed");
    }

    @Test
    void aCancelStopsAnIndexBuild(PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            exec(c, "SET max_parallel_maintenance_workers = 0", "DROP TABLE IF EXISTS big_ranked",
                    "CREATE TABLE big_ranked AS SELECT ((i::bigint * 7919) % 3000017)::int AS i FROM generate_series(1, 3000000) i");
            assertEquals("57014", RunningStatement.cancelOnceActive(server, c,
                    "CREATE INDEX big_ranked_i ON big_ranked (i int4_reverse_ops)", WIDE));
            assertEquals(1, one(c, "SELECT 1"));
            exec(c, "DROP TABLE big_ranked");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    @Test
    void anOrdinaryUserInALatin1DatabaseWithTheJitForced(PgServer server) throws SQLException {
        try (OtherDatabase latin1 = OtherDatabase.create(server, "pgj_indexes_latin1", "LATIN1", "indexes");
             Connection c = latin1.connectAsOrdinaryUser()) {
            exec(c, "SET jit = on", "SET jit_above_cost = 0", "CREATE TEMP TABLE mine (i int)",
                    "INSERT INTO mine SELECT i FROM generate_series(1, 3000) i",
                    "CREATE INDEX mine_r ON mine (i int4_reverse_ops)", "CREATE INDEX mine_h ON mine USING hash (i int4_mixed_ops)");
            assertEquals(List.of(3000, 2999), indexed(c, "SELECT i FROM mine ORDER BY i USING > LIMIT 2"));
            assertEquals(List.of(1234), indexed(c, "SELECT i FROM mine WHERE i = 1234"));
            assertEquals(1, one(c, "SELECT 1"));
        }
    }
}
