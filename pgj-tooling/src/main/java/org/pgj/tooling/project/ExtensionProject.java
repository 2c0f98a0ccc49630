package org.pgj.tooling.project;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;

/**
 * An extension project folder and where pgj keeps things in it:
 * <pre>
 * pom.xml
 * src/main/pgj/released/&lt;ext&gt;--&lt;version&gt;.sql      install scripts of released versions (pgj schema --save)
 * src/main/pgj/upgrade/&lt;ext&gt;--&lt;from&gt;--&lt;to&gt;.sql  upgrade scripts (pgj upgrade), installed with the extension
 * src/test/regress/sql/*.sql, expected/*.out         pg_regress-style tests (pgj regress)
 * target/classes/META-INF/pgj/                       the processor's output: control file, install script, objects
 * target/pgj/stage/                                  what gets installed (docs/internals.md, "Stage")
 * target/pgj/package/                                packages (pgj package)
 * </pre>
 */
public final class ExtensionProject {
    private static final Pattern EXTENSION_PROPERTY = Pattern.compile("<pgj\\.extension>\\s*([^<\\s]+)\\s*</pgj\\.extension>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    private final Path dir;

    private ExtensionProject(Path dir) {
        this.dir = dir;
    }

    /** The project in {@code dir}; fails unless it has a pom.xml. */
    public static ExtensionProject at(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs.resolve("pom.xml"))) {
            throw new ToolException("no pom.xml in " + abs + ": run this in an extension project's folder "
                    + "(`pgj new NAME` creates one)");
        }
        return new ExtensionProject(abs);
    }

    /** The project in {@code dir}, if it is one. */
    public static Optional<ExtensionProject> find(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) ? Optional.of(at(dir)) : Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    public Path target() {
        return dir.resolve("target");
    }

    /** {@code target/classes/META-INF/pgj}: what the annotation processor wrote. */
    public Path processorOutput() {
        return target().resolve("classes/META-INF/pgj");
    }

    public Path stageDir() {
        return target().resolve("pgj/stage");
    }

    public Path packageDir() {
        return target().resolve("pgj/package");
    }

    public Path releasedDir() {
        return dir.resolve("src/main/pgj/released");
    }

    public Path upgradeDir() {
        return dir.resolve("src/main/pgj/upgrade");
    }

    public Path regressDir() {
        return dir.resolve("src/test/regress");
    }

    /**
     * The extension's name: from the last build if there is one, else from the pom
     * ({@code <pgj.extension>}, else the artifactId), so it is known before the first build.
     */
    public String extensionName() {
        Path built = processorOutput().resolve("extension.properties");
        if (Files.isRegularFile(built)) {
            return built().name();
        }
        try {
            String pom = Files.readString(dir.resolve("pom.xml"));
            Matcher property = EXTENSION_PROPERTY.matcher(pom);
            if (property.find()) {
                return property.group(1);
            }
            // The project's own artifactId is the first one outside the <parent> block.
            Matcher artifact = ARTIFACT_ID.matcher(pom.replaceFirst("(?s)<parent>.*?</parent>", ""));
            String id = artifact.find() ? artifact.group(1) : null;
            if (id != null) {
                return id.replace('-', '_');
            }
        } catch (IOException e) {
            throw new ToolException("cannot read " + dir.resolve("pom.xml") + " (" + e.getMessage() + ")", e);
        }
        throw new ToolException("cannot tell the extension's name from " + dir.resolve("pom.xml")
                + ": set the property <pgj.extension> there");
    }

    /** Name and version of the last build (the processor's extension.properties). */
    public Built built() {
        Path file = processorOutput().resolve("extension.properties");
        if (!Files.isRegularFile(file)) {
            throw new ToolException("the project in " + dir + " is not built (" + file + " is missing): "
                    + "build it (mvn compile), and check that the pgj annotation processor is configured");
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): rebuild the project", e);
        }
        String name = props.getProperty("name");
        String version = props.getProperty("version");
        if (name == null || version == null) {
            throw new ToolException(file + " lacks name or version: pass -Apgj.name and -Apgj.version to the compiler");
        }
        return new Built(name, version, processorOutput().resolve(name + "--" + version + ".sql"),
                processorOutput().resolve("objects.properties"));
    }

    /** What the last build generated. */
    public record Built(String name, String version, Path installScript, Path objects) {
    }

    /** The stage, checked to be built for {@code pg}'s major (pgj.so is built per major). */
    public Stage stage(PgConfig pg) {
        Stage stage = Stage.read(stageDir());
        if (!stage.pgConfig().equals(pg.path())) {
            PgConfig built = Files.isExecutable(stage.pgConfig()) ? PgConfig.find(stage.pgConfig()) : null;
            if (built == null || built.major() != pg.major()) {
                throw new ToolException("the stage in " + stage.dir() + " was built for " + stage.pgConfig()
                        + ", not for PostgreSQL " + pg.major() + ": rebuild with -Dpgj.pgConfig=" + pg.path());
            }
        }
        return stage;
    }

    /**
     * The SQL files the project keeps besides the generated install script: released install
     * scripts and upgrade scripts, which the stage installs too. Names must be
     * {@code <ext>--<version>.sql} or {@code <ext>--<from>--<to>.sql}.
     */
    public List<Path> keptScripts(String extension) {
        Pattern name = Pattern.compile(Pattern.quote(extension) + "--[^-/][^/]*\\.sql");
        List<Path> scripts = new java.util.ArrayList<>();
        for (Path folder : List.of(releasedDir(), upgradeDir())) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (!name.matcher(fileName).matches()) {
                        throw new ToolException(file + " is not named " + extension + "--<version>.sql or "
                                + extension + "--<from>--<to>.sql: PostgreSQL would ignore it; rename or remove it");
                    }
                    scripts.add(file);
                }
            } catch (IOException e) {
                throw new ToolException("cannot list " + folder + " (" + e.getMessage() + ")", e);
            }
        }
        return scripts;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
