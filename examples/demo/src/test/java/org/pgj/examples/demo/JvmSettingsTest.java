package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /** An older JDK refuses pgj's options with a bare JNI error: the message names its version and the one needed. */
    @Test
    void tooOldJdk(PgServer server) throws SQLException, IOException {
        Path oldJdk = olderJdk();
        assumeTrue(oldJdk != null, "no JDK older than 25 in /usr/lib/jvm");
        try (Connection c = server.connect()) {
            set(c, "load 'pgj'");
            set(c, "set pgj.java_home = '" + oldJdk + "'");
            for (int attempt = 0; attempt < 2; attempt++) {
                PSQLException e = assertThrows(PSQLException.class, () -> FunctionsTest.one(c, "select add_one(1)"));
                assertEquals("39000", e.getSQLState());
                assertTrue(e.getMessage().matches("(?s).*pgj\\.java_home = \"" + Pattern.quote(oldJdk.toString())
                        + "\" is Java \\d+[.\\d_]*, too old for pgj: it needs JDK 25.*"), e.getMessage());
                assertFalse(e.getMessage().contains("JNI error"), e.getMessage());
                assertTrue(e.getServerErrorMessage().getHint().contains("Set pgj.java_home to a JDK 25"),
                        e.getServerErrorMessage().getHint());
                assertEquals(1, FunctionsTest.one(c, "select 1"));
            }
        }
    }

    /** A JDK older than 25 under /usr/lib/jvm (Debian 12's default is 17), or null. */
    private static Path olderJdk() throws IOException {
        Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path release = dir.resolve("release");
                if (Files.isRegularFile(release) && Files.isRegularFile(dir.resolve("lib/server/libjvm.so"))) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) < 25) {
                        return dir;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        return null;
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
