package org.pgj.tooling.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;

/**
 * Runs Maven on an extension project as a child process: how the launcher builds, and how
 * {@code pgj test} runs a project's tests once per PostgreSQL major. The child runs on the JDK
 * this process runs on (JAVA_HOME), which the launcher and the prerequisites checked.
 */
public final class MavenBuild implements ProjectBuilder {
    private static final long BUILD_TIMEOUT_SECONDS = 3600;

    private final Path mvn;

    private MavenBuild(Path mvn) {
        this.mvn = mvn;
    }

    /** Maven's own launcher when running inside Maven (maven.home), else mvn on PATH. */
    public static MavenBuild find() {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))) {
            return new MavenBuild(Path.of(mavenHome, "bin", "mvn"));
        }
        Optional<Path> onPath = Exec.onPath("mvn");
        if (onPath.isEmpty()) {
            throw new ToolException("Maven is not installed (no mvn on PATH), and pgj builds extension projects with it: "
                    + "apt-get install maven");
        }
        return new MavenBuild(onPath.get());
    }

    /** Builds quietly up to {@code phase} for {@code pg} (null: Maven's default); on failure shows Maven's output. */
    @Override
    public void build(ExtensionProject project, Phase phase, PgConfig pg, Progress progress) {
        List<String> args = new ArrayList<>(List.of("-q", phase.mavenPhase(), "-DskipTests"));
        if (pg != null) {
            args.add("-Dpgj.pgConfig=" + pg.path());
        }
        Exec.Result r;
        try (ProgressStep step = progress.begin("building " + project.dir().getFileName() + " with Maven (mvn "
                + phase.mavenPhase() + ")" + (pg == null ? "" : " for PostgreSQL " + pg.major()))) {
            r = Exec.run(command(args), project.dir(), environment(), BUILD_TIMEOUT_SECONDS);
            if (r.ok()) {
                step.done("built " + project.dir().getFileName());
                return;
            }
        }
        throw new ToolException("the Maven build of " + project.dir() + " failed (`mvn " + String.join(" ", args)
                + "`, exit " + r.exitCode() + "):\n" + MavenFailure.summary(r.output(), 60) + "\nfix the error above and run again");
    }

    /** Runs Maven with its output on this console (for test runs, whose report is the output); returns the exit code. */
    public int stream(ExtensionProject project, List<String> args) {
        return Exec.interactive(command(args), project.dir(), environment());
    }

    @Override
    public String toString() {
        return mvn.toString();
    }

    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-Dstyle.color=never"));
        command.addAll(args);
        return command;
    }

    private static Map<String, String> environment() {
        return Map.of("JAVA_HOME", Jdk.current().home().toString(),
                "MAVEN_OPTS", mavenOpts(System.getenv().getOrDefault("MAVEN_OPTS", ""), Jdk.current().feature()));
    }

    /** The user's MAVEN_OPTS plus what Maven 3.8 needs to run quietly on a JDK of {@code feature}. */
    static String mavenOpts(String userOpts, int feature) {
        String opts = userOpts;
        // Maven 3.8's Guava uses sun.misc.Unsafe, which JDK 24+ warns about on every run (older JDKs reject the flag).
        if (feature >= 24 && !opts.contains("sun-misc-unsafe-memory-access")) {
            opts += " --sun-misc-unsafe-memory-access=allow";
        }
        // Maven's Jansi writes a colour reset (ESC[0m) at exit even in batch mode, into output pgj shows.
        if (!opts.contains("jansi.noreset")) {
            opts += " -Djansi.noreset=true";
        }
        return opts.trim();
    }
}
