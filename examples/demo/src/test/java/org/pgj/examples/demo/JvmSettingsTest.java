package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.ServerLog;
import org.pgj.test.PgjTest;
import org.postgresql.util.PSQLException;

/** A missing or broken JVM is a clear ERROR naming the setting, every time, and never a crash. */
@PgjTest
class JvmSettingsTest {

    private static void set(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void missingJvm(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            set(c, "load 'pgj'");
            set(c, "set pgj.java_home = '/nonexistent/jdk'");
            for (int attempt = 0; attempt < 2; attempt++) {
                PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select add_one(1)"));
                assertEquals("39000", e.getSQLState());
                assertTrue(e.getMessage().contains("pgj.java_home = \"/nonexistent/jdk\""), e.getMessage());
                assertTrue(e.getServerErrorMessage().getHint().contains("Set pgj.java_home"), e.getServerErrorMessage().getHint());
                assertEquals(1, FunctionsTest.one(c, "select 1"));
            }
        }
    }

    @Test
    void brokenJvmOptions(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            set(c, "load 'pgj'");
            set(c, "set pgj.jvm_options = '-XX:+NoSuchJvmOption'");
            for (int attempt = 0; attempt < 2; attempt++) {
                PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select add_one(1)"));
                assertEquals("39000", e.getSQLState());
                assertTrue(e.getMessage().contains("NoSuchJvmOption"), e.getMessage());
                assertTrue(e.getServerErrorMessage().getHint().contains("pgj.jvm_options"), e.getServerErrorMessage().getHint());
            }
            assertEquals(1, FunctionsTest.one(c, "select 1"));
        }
    }

    /** A heap layout the JVM rejects late in its start makes it abort, not exit: still an ERROR. */
    @Test
    void jvmThatAbortsDuringStartIsAnError(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            set(c, "load 'pgj'");
            set(c, "set pgj.jvm_options = '-Xms8m -Xmx16m -Xmn64m'");
            for (int attempt = 0; attempt < 2; attempt++) {
                PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select add_one(1)"));
                assertEquals("39000", e.getSQLState(), e.getMessage());
                assertTrue(e.getServerErrorMessage().getHint().contains("pgj.jvm_options"), e.getServerErrorMessage().getHint());
            }
            assertEquals(1, FunctionsTest.one(c, "select 1"));
        }
        ServerLog.assertNoCrash(server, 50);
    }

    @Test
    void onlySuperusersChangeTheJvm(PgServer server) throws SQLException {
        try (Connection c = server.connect()) {
            set(c, "load 'pgj'");
            set(c, "create role pgj_plain_user");
            try {
                set(c, "set role pgj_plain_user");
                PSQLException e = assertThrows(PSQLException.class, () -> set(c, "set pgj.java_home = '/tmp'"));
                assertEquals("42501", e.getSQLState());
                set(c, "reset role");
            } finally {
                set(c, "drop role pgj_plain_user");
            }
        }
    }

    @Test
    void defaultJvmNeedsNoSetting(Connection c) throws SQLException {
        assertEquals(2, FunctionsTest.one(c, "select add_one(1)"));
        assertTrue(((String) FunctionsTest.one(c, "show pgj.java_home")).contains("jdk"));
    }
}
