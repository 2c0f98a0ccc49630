package org.pgj.examples.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.one;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;
import org.pgj.test.ServerLog;
import org.pgj.test.Sql;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;

/**
 * A JVM that something else started in the backend (PL/Java would) makes pgj's start a clear
 * ERROR, every time it is tried, instead of a second JNI_CreateJavaVM that would end the
 * process and restart every session.
 */
@PgjTest
class AnotherJvmTest {
    @Test
    void pgjRefusesToStartASecondJvm(PgServer server) throws Exception {
        Path library = buildForeignJvmLibrary();
        String libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so").toString();
        ServerLog.Mark mark = ServerLog.mark(server);
        try (Connection c = server.connect()) {
            Sql.run(c, "create or replace function start_foreign_jvm(text) returns int language c as '" + library
                    + "', 'start_foreign_jvm'");
            assertEquals(0, one(c, "select start_foreign_jvm(?)", libjvm), "JNI_OK: the other JVM runs");
            for (int attempt = 0; attempt < 2; attempt++) {
                SQLException e = Sql.fails(c, "select sum_ints(10)", "39000");
                contains(e.getMessage(), "a JVM that pgj did not start already runs in this backend (from " + libjvm + ")");
                contains(((org.postgresql.util.PSQLException) e).getServerErrorMessage().getHint(), "PL/Java");
            }
            assertEquals(1, one(c, "select 1"), "the session carries on");
        }
        try (Connection c = server.connect()) {
            assertEquals(45L, one(c, "select sum_ints(10)"), "other backends start their JVM as usual");
        }
        ServerLog.assertNoCrashSince(server, mark);
    }

    /** Compiles src/test/c/foreign_jvm.c against the stage's PostgreSQL, where the server's user can load it. */
    private static Path buildForeignJvmLibrary() throws IOException, InterruptedException {
        PgConfig pg = PgConfig.find(Stage.read(Path.of("target/pgj/stage")).pgConfig());
        Path dir = Path.of("/var/tmp", "pgj-safety-test-" + ProcessHandle.current().pid());
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path library = dir.resolve("foreign_jvm.so");
        String javaHome = System.getProperty("java.home");
        Process gcc = new ProcessBuilder(List.of("gcc", "-shared", "-fPIC", "-O1",
                "-I" + pg.includedirServer(), "-I" + javaHome + "/include", "-I" + javaHome + "/include/linux",
                "-o", library.toString(), "src/test/c/foreign_jvm.c", "-ldl"))
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        if (gcc.waitFor() != 0) {
            throw new AssertionError("gcc failed:\n" + output);
        }
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rwxr-xr-x"));
        return library;
    }
}
