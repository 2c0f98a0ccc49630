package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;

/**
 * An extension's class cannot reach pgj's runtime, whichever way it tries: the statement gets an
 * ERROR naming the module boundary, and the session carries on.
 */
@PgjTest
class BoundaryTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            read_runtime_by_reflection | java.lang.IllegalAccessException | does not export org.pgj.internal.nativecall to unnamed module
            force_runtime_open         | java.lang.reflect.InaccessibleObjectException | does not "exports org.pgj.internal.nativecall" to unnamed module
            look_up_runtime_privately  | java.lang.IllegalAccessException | does not open org.pgj.internal.nativecall to unnamed module
            dispatch_hook_by_reflection | java.lang.IllegalAccessException | does not export org.pgj.internal.hooks to unnamed module
            link_against_runtime       | java.lang.IllegalAccessError | does not export org.pgj.internal.nativecall to unnamed module
            """)
    void theRuntimeIsOutOfReach(String function, String thrown, String reason, PgServer server) throws SQLException {
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = Victim.ordinaryUser(server)) {
            SQLException e = Sql.fails(c, "select " + function + "()", "38000");
            contains(e.getMessage(), thrown);
            contains(e.getMessage(), "module org.pgj");
            contains(e.getMessage(), reason);
            contains(((org.postgresql.util.PSQLException) e).getServerErrorMessage().getHint(),
                    "pgj's runtime, not its API");
            assertEquals(1, one(c, "select 1"), "the session carries on");
            assertEquals(45L, one(c, "select sum_ints(10)"), "and so does its JVM");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }
}
