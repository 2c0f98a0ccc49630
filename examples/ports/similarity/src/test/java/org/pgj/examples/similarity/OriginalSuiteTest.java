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
 * The original's test4, replayed from its expected output ({@link OriginalSuite}) without the GIN
 * operator class the port lacks yet (test1 to test3 run unchanged in {@link RegressionSuiteTest}),
 * with the same two settings: {@code extra_float_digits = 0} and the library loaded when the
 * session starts.
 */
@PgjTest
class OriginalSuiteTest {
    private static Connection session(PgServer server) throws SQLException {
        String options = URLEncoder.encode("-c extra_float_digits=0 -c session_preload_libraries=pgj", StandardCharsets.UTF_8);
        return DriverManager.getConnection(server.jdbcUrl() + "&options=" + options);
    }

    /**
     * test4 but for the GIN operator class, which pgj cannot declare yet: creating the
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
