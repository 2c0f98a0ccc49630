package org.pgj.tooling.installation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;

/**
 * The stage folder (docs/internals.md, "Stage"): everything one extension installs, laid out
 * like the installed tree, so {@link Installer} only copies and pgj-test can point at it.
 *
 * <pre>
 * stage.properties      extension=, version=, pgj_version=, pg_config=, java_home=
 * pkglib/pgj-&lt;pgj version&gt;.so
 * extension/&lt;ext&gt;.control, &lt;ext&gt;--&lt;ver&gt;.sql
 * pgj/lib/&lt;pgj version&gt;/pgj-api.jar
 * pgj/&lt;ext&gt;/*.jar
 * pgj/&lt;ext&gt;__test/*.jar
 * </pre>
 */
public final class Stage {
    public static final String PROPERTIES = "stage.properties";
    /** The handler maps language pgj_&lt;ext&gt; to folder pgj/&lt;ext&gt;/, so names must be SQL- and path-safe. */
    public static final Pattern EXTENSION_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    public static final String TEST_SUFFIX = "__test";

    private final Path dir;
    private final String extension;
    private final String version;
    private final PgjRuntime runtime;
    private final Path pgConfig;
    private final Path javaHome;

    private Stage(Path dir, String extension, String version, PgjRuntime runtime, Path pgConfig, Path javaHome) {
        this.dir = dir;
        this.extension = extension;
        this.version = version;
        this.runtime = runtime;
        this.pgConfig = pgConfig;
        this.javaHome = javaHome;
    }

    /** Reads a stage written by {@link #create} (normally by the pgj:stage goal). */
    public static Stage read(Path dir) {
        Path file = dir.resolve(PROPERTIES);
        if (!Files.isRegularFile(file)) {
            throw new ToolException("no pgj stage in " + dir + " (" + PROPERTIES + " is missing): build the extension "
                    + "project first (mvn package; its pgj-maven-plugin `stage` goal writes this folder)");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): rebuild the extension project", e);
        }
        for (String key : List.of("extension", "version", "pgj_version", "pg_config", "java_home")) {
            if (props.getProperty(key, "").isBlank()) {
                throw new ToolException(file + " has no `" + key + "`: rebuild the extension project (mvn package)");
            }
        }
        Stage stage = new Stage(dir.toAbsolutePath(), checkName(props.getProperty("extension")), props.getProperty("version"),
                new PgjRuntime(props.getProperty("pgj_version")), Path.of(props.getProperty("pg_config")),
                Path.of(props.getProperty("java_home")));
        for (Path required : List.of(stage.library(), stage.controlFile(), stage.apiJar())) {
            if (!Files.isRegularFile(required)) {
                throw new ToolException("the stage in " + dir + " is incomplete (" + required
                        + " is missing): rebuild the extension project (mvn package)");
            }
        }
        stage.checkControlNamesTheRuntime();
        return stage;
    }

    /**
     * Empties {@code dir} and starts a stage there: writes stage.properties and the folders.
     * The caller then fills {@link #library()}, {@link #extensionDir()} and the jar folders.
     */
    public static Stage create(Path dir, String extension, String version, PgConfig pg, Jdk jdk) {
        return create(dir, extension, version, PgjRuntime.current(), pg, jdk);
    }

    /** As {@link #create(Path, String, String, PgConfig, Jdk)}, for another pgj version's runtime. */
    public static Stage create(Path dir, String extension, String version, PgjRuntime runtime, PgConfig pg, Jdk jdk) {
        Stage stage = new Stage(dir.toAbsolutePath(), checkName(extension), version, runtime, pg.path(), jdk.home());
        try {
            // A stale jar from an earlier build (say, a removed dependency) must not survive.
            AtomicFiles.deleteRecursively(dir);
            for (Path d : List.of(stage.library().getParent(), stage.extensionDir(), stage.apiJar().getParent(),
                    stage.extensionJars())) {
                Files.createDirectories(d);
            }
            // Since Java 18 Properties.store sorts its keys, so the file is stable between builds.
            Properties props = new Properties();
            props.setProperty("extension", stage.extension);
            props.setProperty("version", version);
            props.setProperty("pgj_version", runtime.version());
            props.setProperty("pg_config", pg.path().toString());
            props.setProperty("java_home", jdk.home().toString());
            StringWriter text = new StringWriter();
            props.store(text, "written by pgj:stage, read by pgj Installer and pgj-test");
            // Drop the timestamp line Properties.store adds, so identical builds give identical files.
            String body = text.toString().lines().filter(l -> !l.startsWith("#") || l.contains("pgj"))
                    .reduce("", (a, b) -> a + b + "\n");
            Files.writeString(stage.dir.resolve(PROPERTIES), body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("cannot write the stage folder " + dir + " (" + e.getMessage()
                    + "): check that the build directory is writable", e);
        }
        return stage;
    }

    /** The annotation processor wrote the module_pathname; the plugin built the runtime: both must be one pgj version. */
    private void checkControlNamesTheRuntime() {
        String control;
        try {
            control = Files.readString(controlFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolException("cannot read " + controlFile() + " (" + e.getMessage() + "): rebuild the extension project", e);
        }
        if (!control.contains("'" + runtime.modulePathname() + "'")) {
            throw new ToolException(controlFile() + " does not name the stage's runtime " + runtime.modulePathname()
                    + " as its module_pathname: the project's pgj-processor and pgj-maven-plugin are of different pgj"
                    + " versions; use one pgj version for pgj-api, pgj-processor and pgj-maven-plugin, then mvn clean package");
        }
    }

    private static String checkName(String extension) {
        if (extension == null || !EXTENSION_NAME.matcher(extension).matches()) {
            throw new ToolException("extension name '" + extension + "' is not allowed: pgj extension names match "
                    + EXTENSION_NAME.pattern() + " (set -Apgj.name=... or rename the artifactId)");
        }
        return extension;
    }

    public Path dir() {
        return dir;
    }

    public String extension() {
        return extension;
    }

    public String version() {
        return version;
    }

    /** The pgj runtime the extension runs on: the version of pgj that built it. */
    public PgjRuntime runtime() {
        return runtime;
    }

    /** The pg_config the stage was built against. */
    public Path pgConfig() {
        return pgConfig;
    }

    /** The JDK pgj.so was built against. */
    public Path javaHome() {
        return javaHome;
    }

    /** {@code pkglib/pgj-<pgj version>.so}. */
    public Path library() {
        return dir.resolve("pkglib").resolve(runtime.libraryFile());
    }

    /** {@code extension/}: the control file and install scripts. */
    public Path extensionDir() {
        return dir.resolve("extension");
    }

    public Path controlFile() {
        return extensionDir().resolve(extension + ".control");
    }

    /** {@code pgj/lib/<pgj version>/pgj-api.jar}. */
    public Path apiJar() {
        return runtime.dir(dir.resolve("pgj")).resolve("pgj-api.jar");
    }

    /** {@code pgj/<ext>/}: the extension's jar and runtime dependencies. */
    public Path extensionJars() {
        return dir.resolve("pgj").resolve(extension);
    }

    /** {@code pgj/<ext>__test/}: test classes, main classes and test dependencies. */
    public Path testJars() {
        return dir.resolve("pgj").resolve(extension + TEST_SUFFIX);
    }

    public boolean hasTests() {
        return !jars(testJars()).isEmpty();
    }

    /** The *.jar files directly in {@code folder}, sorted; none if it does not exist. */
    public static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new ToolException("cannot list " + folder + " (" + e.getMessage() + "): check its permissions", e);
        }
    }

    @Override
    public String toString() {
        return extension + " " + version + " (stage " + dir + ")";
    }
}
