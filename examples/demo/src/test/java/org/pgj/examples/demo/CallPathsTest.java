package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pgj.test.CallPath;
import org.pgj.test.EachCallPath;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/** Values, NULLs and errors are the same whichever path a call takes into Java (JNI or FFM stubs). */
@PgjTest
class CallPathsTest {
    @EachCallPath
    void valuesNullsAndErrors(CallPath path, PgServer server) throws SQLException {
        try (Connection c = path.connect(server)) {
            assertEquals(42, one(c, "select add_one(41)"));
            assertEquals(500_001_500_000L, ((Number) one(c, "select sum(add_one(i)) from generate_series(1, 1000000) i")).longValue());
            assertEquals("ÄBC", one(c, "select shout('äbc')"));
            assertNull(one(c, "select twice(null)"));
            assertNull(one(c, "select first_word(null)"));
            fails(c, "select divide(1, 0)", "22012");
            fails(c, "select pick(null, null)", "22004");
            assertEquals("22012", one(c, "select try_run('select 1/0')"));
            assertEquals(7, one(c, "select pick(1, 7)"));
        }
    }

    /**
     * A session left to choose (the default): its calls come through JNI until its 10,000th has
     * started the FFM linker, then through the stubs, which change under a running query.
     */
    @Test
    void theDefaultPathChangesUnderARunningQuery(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            assertEquals(42, one(c, "select add_one(41)"));
            // Cut while the linker may be running: it touches no server state, and the session goes on.
            try (Statement s = c.createStatement()) {
                s.execute("set statement_timeout = '200ms'");
            }
            fails(c, "select sum(add_one(i)) from generate_series(1, 1000000000) i", "57014");
            try (Statement s = c.createStatement()) {
                s.execute("reset statement_timeout");
            }
            for (int query = 0; query < 3; query++) {
                assertEquals(500_001_500_000L,
                        ((Number) one(c, "select sum(add_one(i)) from generate_series(1, 1000000) i")).longValue());
            }
            assertNull(one(c, "select twice(null)"));
            fails(c, "select divide(1, 0)", "22012");
            assertEquals("ÄBC", one(c, "select shout('äbc')"));
            assertEquals(1, one(c, "select 1"));
        }
    }
}
