package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.pgj.test.Sql;

/**
 * A pgj extension made by hand inside a test, next to the installed demo: a control file, an
 * install script that declares the language {@code pgj_<name>}, and a jar in
 * {@code $sharedir/pgj/<name>} compiled from sources given now. A new jar replaces the installed
 * one as pgj's installer does it: written beside it, then renamed over it.
 */
final class ProbeExtension {
    private final String name;
    private final Path folder;
    private final Path extensionDir;

    /** Writes the control file and the install script ({@code script} after the language's declaration). */
    ProbeExtension(Connection c, String name, String script) throws SQLException, IOException {
        this.name = name;
        Path sharedir = Path.of((String) Sql.one(c, "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'"));
        folder = sharedir.resolve("pgj").resolve(name);
        extensionDir = sharedir.resolve("extension");
        Files.writeString(extensionDir.resolve(name + ".control"),
                "default_version = '1'\nmodule_pathname = '$libdir/pgj'\nsuperuser = true\n");
        Files.writeString(extensionDir.resolve(name + "--1.sql"), "CREATE FUNCTION pgj_" + name + "_call_handler()"
                + " RETURNS language_handler AS 'MODULE_PATHNAME', 'pgj_call_handler' LANGUAGE C;\n"
                + "CREATE LANGUAGE pgj_" + name + " HANDLER pgj_" + name + "_call_handler;\n" + script);
    }

    /** Drops and creates the extension. */
    void create(Connection c) throws SQLException {
        Sql.exec(c, "DROP EXTENSION IF EXISTS " + name, "CREATE EXTENSION " + name);
    }

    /**
     * Compiles {@code sources} (binary class name → source; they may use pgj's API) and installs
     * them as the extension's one jar.
     */
    void installJar(Map<String, String> sources) throws IOException {
        Path work = Files.createTempDirectory("pgj-probe");
        try {
            Path src = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path")));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "javac");
            Files.createDirectories(folder);
            Path jar = folder.resolve("." + name + ".jar.tmp");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    out.write(Files.readAllBytes(file));
                }
            }
            Files.move(jar, folder.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    /** A temp file as pgj's installer leaves beside a jar while it writes it, modified {@code ageSeconds} ago. */
    Path installerTempFile(long ageSeconds) throws IOException {
        Path tmp = Files.writeString(folder.resolve("." + name + ".jar.pgj-tmp"), "half a jar");
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(System.currentTimeMillis() - ageSeconds * 1000));
        return tmp;
    }

    /** Removes the extension's jar folder, leaving the extension in the database. */
    void removeJars() throws IOException {
        deleteTree(folder);
    }

    /** Drops the extension and removes its files. */
    void remove(Connection c) throws SQLException, IOException {
        Sql.exec(c, "DROP EXTENSION IF EXISTS " + name);
        Files.deleteIfExists(extensionDir.resolve(name + ".control"));
        Files.deleteIfExists(extensionDir.resolve(name + "--1.sql"));
        deleteTree(folder);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
