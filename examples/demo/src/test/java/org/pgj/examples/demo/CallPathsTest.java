package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/**
 * Calls reach Java through JNI until the FFM linker is ready, then through FFM stubs. Each
 * path, forced for a whole session, gives the same values, NULLs and errors.
 */
@PgjTest
class CallPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jni", "ffm"})
    void bothPathsBehaveTheSame(String path, PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("load 'pgj'");
                s.execute("set pgj.jvm_options = '-Dpgj.callPath=" + path + "'");
            }
            assertEquals(42, FunctionsTest.one(c, "select add_one(41)"));
            assertEquals(500_001_500_000L, ((Number) FunctionsTest.one(c, "select sum(add_one(i)) from generate_series(1, 1000000) i")).longValue());
            assertEquals("ÄBC", FunctionsTest.one(c, "select shout('äbc')"));
            assertNull(FunctionsTest.one(c, "select twice(null)"));
            assertNull(FunctionsTest.one(c, "select first_word(null)"));
            PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select divide(1, 0)"));
            assertEquals("22012", e.getSQLState());
            e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select pick(null, null)"));
            assertEquals("22004", e.getSQLState());
            assertEquals("22012", FunctionsTest.one(c, "select try_run('select 1/0')"));
            assertEquals(7, FunctionsTest.one(c, "select pick(1, 7)"));
        }
    }
}
