package org.pgj.examples.similarity;

import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/**
 * The original's four regression tests, replayed from its expected output ({@link OriginalSuite}),
 * each in a session of its own as pg_regress runs them. Two settings hold as they did where the
 * expected output was made, and as the C original needs them on PostgreSQL 12 and later too:
 * {@code extra_float_digits = 0} (15 significant digits) and the library loaded when the session
 * starts (test2 and test3 SET and SHOW the settings before any call loads it).
 */
@PgjTest
class OriginalSuiteTest {
    private static Connection session(PgServer server) throws SQLException {
        String options = URLEncoder.encode("-c extra_float_digits=0 -c session_preload_libraries=pgj", StandardCharsets.UTF_8);
        return DriverManager.getConnection(server.jdbcUrl() + "&options=" + options);
    }

    /** Every measure of test1, but the one of the legacy install script only. */
    @Test
    void functionsAndOperators(PgServer server) throws SQLException, IOException {
        try (Connection c = session(server)) {
            OriginalSuite.replay(c, "test1", Map.of(
                    // The legacy script (pg_similarity.sql.in) adds levslow, which version 1.0 leaves out.
                    "select levslow(:a, :b), levslow_op(:a, :b);", "not in pg_similarity--1.0.sql"));
        }
    }

    @Test
    void settings(PgServer server) throws SQLException, IOException {
        try (Connection c = session(server)) {
            OriginalSuite.replay(c, "test2", Map.of());
            exec(c, "SELECT 1");
        }
    }

    @Test
    void operatorsFollowTheirSettings(PgServer server) throws SQLException, IOException {
        try (Connection c = session(server)) {
            OriginalSuite.replay(c, "test3", Map.of());
        }
    }

    /**
     * test4 but for the GIN operator class, which pgj cannot declare yet (issue 15): creating the
     * index fails with 42704, and the queries after it give the same rows without it.
     */
    @Test
    void dataFileWithoutTheGinIndex(PgServer server) throws SQLException, IOException {
        try (Connection c = session(server)) {
            String createIndex = "CREATE INDEX simtsti ON simtst USING gin (a gin_similarity_ops);";
            try {
                OriginalSuite.replay(c, "test4", Map.of(createIndex, "no GIN operator class yet", "DROP TABLE simtst;",
                        "kept to try the index below"));
                fails(c, createIndex, "42704");
            } finally {
                exec(c, "DROP TABLE IF EXISTS simtst");
            }
        }
    }
}
