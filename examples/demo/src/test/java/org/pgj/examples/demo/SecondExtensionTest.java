package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgServer;
import org.pgj.test.PgjTest;

/**
 * A second pgj extension, installed by hand next to demo: both work in one session; a new
 * jar in its folder is picked up by new sessions, and by an existing session once the
 * function is redefined. The installed demo is left alone.
 */
@PgjTest
class SecondExtensionTest {
    private static Path folder;
    private static Path extensionDir;

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void installProbeJar(Connection c, int version) throws Exception {
        if (folder == null) {
            Path sharedir = Path.of((String) FunctionsTest.one(c, "select setting from pg_config where name = 'SHAREDIR'"));
            folder = sharedir.resolve("pgj").resolve("reinstall_probe");
            extensionDir = sharedir.resolve("extension");
            Files.writeString(extensionDir.resolve("reinstall_probe.control"),
                    "default_version = '1'\nmodule_pathname = '$libdir/pgj'\nsuperuser = true\n");
            Files.writeString(extensionDir.resolve("reinstall_probe--1.sql"), """
                    CREATE FUNCTION pgj_reinstall_probe_call_handler() RETURNS language_handler
                      AS 'MODULE_PATHNAME', 'pgj_call_handler' LANGUAGE C;
                    CREATE LANGUAGE pgj_reinstall_probe HANDLER pgj_reinstall_probe_call_handler;
                    CREATE FUNCTION probe_version() RETURNS int LANGUAGE pgj_reinstall_probe AS 'probe.Probe.version()';
                    """);
        }
        Path work = Files.createTempDirectory("probe");
        Path source = work.resolve("Probe.java");
        Files.writeString(source, "package probe; public class Probe { public static int version() { return " + version + "; } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(), source.toString());
        assertEquals(0, rc, "javac");
        Files.createDirectories(folder);
        Path jar = work.resolve("probe.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("probe/Probe.class"));
            out.write(Files.readAllBytes(work.resolve("probe/Probe.class")));
        }
        // Same name, new content: as a reinstall does it (atomic replace).
        Files.move(jar, folder.resolve("probe.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(folder.resolve("probe.jar"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + version * 2000L));
    }

    private static final String DEFINE = "create or replace function probe_version() returns int language pgj_reinstall_probe"
            + " as 'probe.Probe.version()'";

    @Test
    void newJarReachesNewAndRedefiningSessions(PgServer server) throws Exception {
        try (Connection setup = server.connect()) {
            exec(setup, "drop extension if exists reinstall_probe");
            installProbeJar(setup, 1);
            exec(setup, "create extension reinstall_probe");
        }
        try (Connection old = server.connect()) {
            assertEquals(1, FunctionsTest.one(old, "select probe_version()"));
            assertEquals(6, FunctionsTest.one(old, "select add_one(5)"), "two pgj extensions in one session");
            installProbeJar(old, 2);
            try (Connection fresh = server.connect()) {
                assertEquals(2, FunctionsTest.one(fresh, "select probe_version()"), "a new session runs the new jar");
            }
            try (Connection other = server.connect()) {
                exec(other, DEFINE.replace("version()'", "version( )'"));
            }
            assertEquals(2, FunctionsTest.one(old, "select probe_version()"), "the existing session sees the redefinition");
        }
    }

    @AfterAll
    static void removeFolder(PgServer server) throws Exception {
        try (Connection c = server.connect()) {
            exec(c, "drop extension if exists reinstall_probe");
        }
        if (extensionDir != null) {
            Files.deleteIfExists(extensionDir.resolve("reinstall_probe.control"));
            Files.deleteIfExists(extensionDir.resolve("reinstall_probe--1.sql"));
        }
        if (folder != null && Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
