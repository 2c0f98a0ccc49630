package org.pgj.maven;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.build.NativeBuild;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;

/**
 * Writes a project's stage folder (docs/internals.md, "Stage") from what the build produced:
 * the processor's files in target/classes/META-INF/pgj, the class folders and the resolved
 * dependencies. Shared by the stage and install goals.
 */
final class Stager {
    static final String GROUP = "org.pgj";
    static final String API = "pgj-api";
    /** Compile-time only; its jar would just sit unused on the backend's class path. */
    static final String PROCESSOR = "pgj-processor";
    private static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    private final MavenProject project;
    private final Path pgConfig;
    private final Path pgjHome;
    private final Path stageDir;
    private final Progress progress;

    Stager(MavenProject project, Path pgConfig, Path pgjHome, Path stageDir, Progress progress) {
        this.project = project;
        this.pgConfig = pgConfig;
        this.pgjHome = pgjHome;
        this.stageDir = stageDir;
        this.progress = progress;
    }

    Path classes() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    Path processorOutput() {
        return classes().resolve("META-INF/pgj");
    }

    /** Whether the annotation processor ran on this project, i.e. it is a pgj extension. */
    boolean isExtension() {
        return Files.isRegularFile(processorOutput().resolve("extension.properties"));
    }

    /** Whether the stage is missing or older than anything in target/classes or the kept SQL scripts. */
    boolean isStale() {
        Path marker = stageDir.resolve(Stage.PROPERTIES);
        if (!Files.isRegularFile(marker)) {
            return true;
        }
        ExtensionProject sources = ExtensionProject.at(project.getBasedir().toPath());
        long staged;
        try {
            staged = Files.getLastModifiedTime(marker).toMillis();
        } catch (IOException e) {
            return true;
        }
        for (Path dir : List.of(classes(), sources.releasedDir(), sources.upgradeDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                if (walk.anyMatch(p -> lastModified(p) > staged)) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    Stage stage() {
        Properties ext = extensionProperties();
        String name = ext.getProperty("name");
        String version = ext.getProperty("version");
        if (name == null || version == null) {
            throw new ToolException(processorOutput().resolve("extension.properties") + " lacks name or version: "
                    + "pass -Apgj.name=${project.artifactId} -Apgj.version=${project.version} to the compiler");
        }
        PgConfig pg = PgConfig.find(pgConfig);
        Jdk jdk = Jdk.current().requireSupported();
        Path library = NativeBuild.build(pg, jdk, pgjHome, progress);
        Stage stage = Stage.create(stageDir, name, version, pg, jdk);
        try {
            Files.copy(library, stage.library(), StandardCopyOption.REPLACE_EXISTING);
            copyProcessorOutput(stage);
            putJar(apiArtifact(), stage.apiJar());

            Path mainJar = stage.extensionJars().resolve(name + ".jar");
            DirectoryJar.write(classes(), mainJar);
            int jars = 1 + copyDependencies(stage.extensionJars(), a -> RUNTIME_SCOPES.contains(a.getScope()));

            recordManifestLines(stage, ext);

            Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
            String tests = "";
            if (hasFiles(testClasses)) {
                Files.createDirectories(stage.testJars());
                DirectoryJar.write(testClasses, stage.testJars().resolve(name + "-tests.jar"));
                Files.copy(mainJar, stage.testJars().resolve(name + ".jar"));
                // Every scope: the test class path is the main one plus test and provided dependencies.
                int testJars = 2 + copyDependencies(stage.testJars(), a -> true);
                tests = ", " + testJars + " test jar(s)";
            }
            progress.step("staged " + name + " " + version + " for PostgreSQL " + pg.major() + " in " + stage.dir()
                    + " (" + jars + " jar(s)" + tests + ")");
        } catch (IOException e) {
            throw new ToolException("cannot write the stage folder " + stageDir + " (" + e.getMessage()
                    + "): check that the build directory is writable", e);
        }
        // Read back as the installer and pgj-test will: a control file that names another pgj
        // runtime (processor output left from another pgj version) fails the build here.
        return Stage.read(stage.dir());
    }

    private Properties extensionProperties() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(processorOutput().resolve("extension.properties"), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new ToolException("cannot read " + processorOutput().resolve("extension.properties") + " ("
                    + e.getMessage() + "): run mvn clean package", e);
        }
        return props;
    }

    /** The control file and install scripts the processor generated. */
    private void copyProcessorOutput(Stage stage) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(processorOutput())) {
            files = list.filter(p -> {
                String f = p.getFileName().toString();
                // .pgj: the runtime manifest (settings, static workers), read by pgj.so from there.
                return f.endsWith(".control") || f.endsWith(".sql") || f.endsWith(".pgj");
            }).sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, stage.extensionDir().resolve(file.getFileName().toString()));
        }
        if (!Files.isRegularFile(stage.controlFile())) {
            throw new ToolException("the pgj annotation processor wrote no " + stage.extension() + ".control in "
                    + processorOutput() + ": check that -Apgj.name matches and the compile had no errors");
        }
        // Released install scripts and upgrade scripts the project keeps (pgj schema --save, pgj upgrade),
        // so ALTER EXTENSION ... UPDATE finds its path; the generated script of this version wins.
        for (Path kept : ExtensionProject.at(project.getBasedir().toPath()).keptScripts(stage.extension())) {
            Path target = stage.extensionDir().resolve(kept.getFileName().toString());
            if (!Files.exists(target)) {
                Files.copy(kept, target);
            }
        }
    }

    /**
     * Runs the extension's @StaticWorkerRegistration methods, whose load() calls declare static
     * workers, and reads its @SharedMemory fields; both become lines of its runtime manifest.
     * This happens here because no Java runs in the postmaster; pgj-api's recorders do the work,
     * in a class loader of the staged jars.
     */
    private void recordManifestLines(Stage stage, Properties ext) throws IOException {
        String registrations = ext.getProperty("static_worker_registrations", "");
        String sharedMemory = ext.getProperty("shared_memory_classes", "");
        if (registrations.isBlank() && sharedMemory.isBlank()) {
            return;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : Stage.jars(stage.extensionJars())) {
            urls.add(jar.toUri().toURL());
        }
        urls.add(stage.apiJar().toUri().toURL());
        String workers;
        String areas;
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            workers = record(loader, "org.pgj.internal.workers.StaticWorkerRecorder", stage.extension(), registrations,
                    "a @StaticWorkerRegistration method");
            areas = record(loader, "org.pgj.internal.shmem.SharedMemoryRecorder", stage.extension(), sharedMemory,
                    "reading a @SharedMemory field");
        }
        Path manifest = stage.extensionDir().resolve(stage.extension() + ".pgj");
        if (!Files.exists(manifest)) {
            Files.writeString(manifest, "# pgj runtime manifest of " + stage.extension() + ", generated by pgj\n");
        }
        Files.writeString(manifest, workers + areas, StandardOpenOption.APPEND);
        progress.step("recorded " + workers.lines().count() + " static worker(s) and " + areas.lines().count()
                + " shared-memory area(s) of " + stage.extension());
    }

    /** Calls {@code recorder.record(extension, names, loader)}; no names, no call. */
    private static String record(ClassLoader loader, String recorder, String extension, String names, String what) {
        if (names.isBlank()) {
            return "";
        }
        try {
            return (String) Class.forName(recorder, true, loader)
                    .getMethod("record", String.class, String[].class, ClassLoader.class)
                    .invoke(null, extension, names.split(","), loader);
        } catch (InvocationTargetException e) {
            throw new ToolException(what + " of " + extension + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ToolException("cannot record " + names + " of " + extension + ": " + e, e);
        }
    }

    private Artifact apiArtifact() {
        return project.getArtifacts().stream()
                .filter(a -> GROUP.equals(a.getGroupId()) && API.equals(a.getArtifactId()))
                .findFirst()
                .orElseThrow(() -> new ToolException(project.getArtifactId() + " does not depend on " + GROUP + ":" + API
                        + ", which the backend loads as its runtime: add it as a dependency (scope provided)"));
    }

    /** Copies matching class path dependencies except pgj's own; returns how many. */
    private int copyDependencies(Path folder, Predicate<Artifact> scope) throws IOException {
        int count = 0;
        for (Artifact a : project.getArtifacts()) {
            boolean pgjOwn = GROUP.equals(a.getGroupId()) && (API.equals(a.getArtifactId()) || PROCESSOR.equals(a.getArtifactId()));
            if (pgjOwn || !scope.test(a) || !a.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            String classifier = a.getClassifier() == null || a.getClassifier().isEmpty() ? "" : "-" + a.getClassifier();
            putJar(a, folder.resolve(a.getArtifactId() + "-" + a.getBaseVersion() + classifier + ".jar"));
            count++;
        }
        return count;
    }

    /**
     * A dependency as a jar. Inside a reactor build that has not packaged yet, Maven resolves a
     * sibling module to its class folder; that folder is jarred here.
     */
    private static void putJar(Artifact artifact, Path target) throws IOException {
        if (artifact.getFile() == null) {
            throw new ToolException("dependency " + artifact + " was not resolved: run the build with -U, or check the repository");
        }
        Path file = artifact.getFile().toPath();
        if (Files.isDirectory(file)) {
            DirectoryJar.write(file, target);
        } else {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An empty test-classes folder (left by -Dmaven.test.skip or a failed compile) means no tests. */
    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
