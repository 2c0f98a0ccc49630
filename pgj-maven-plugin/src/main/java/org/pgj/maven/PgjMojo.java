package org.pgj.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.server.PrivateServer;

/**
 * What every pgj goal shares: which PostgreSQL ({@code -Dpgj.pg=15} or {@code -Dpgj.pgConfig=...}),
 * the pgj home, and the {@link ToolContext} the pgj-tooling commands run with. The goals only
 * translate parameters; the commands are the same code the ./pgj launcher runs.
 */
abstract class PgjMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** The pg_config of the target PostgreSQL; default: the one -Dpgj.pg names, else PG_CONFIG, PATH, /usr/lib/postgresql. */
    @Parameter(property = "pgj.pgConfig")
    File pgConfig;

    /** The PostgreSQL major: {@code pg15} or {@code 15} (or {@code all} where a goal takes several); see pgj init. */
    @Parameter(property = "pgj.pg")
    String pg;

    /** Private servers, build cache and settings; default: PGJ_HOME, else ~/.pgj (/var/tmp/pgj-root as root). */
    @Parameter(property = "pgj.home")
    File pgjHome;

    Path home() {
        return pgjHome == null ? PrivateServer.defaultHome() : pgjHome.toPath().toAbsolutePath();
    }

    /** An explicit pg_config, else the one -Dpgj.pg selects, else the default one (as pgj's commands choose it). */
    Path chosenPgConfig() {
        return pgConfig != null ? pgConfig.toPath() : PgVersions.of(home()).select(pg).path();
    }

    /** The major as the commands take it: from -Dpgj.pgConfig if given, else -Dpgj.pg. */
    String pgSpec() {
        return pgConfig != null ? "pg" + PgConfig.find(pgConfig.toPath()).major() : pg;
    }

    Path workDir() {
        if (project != null && project.getFile() != null) {
            return project.getBasedir().toPath();
        }
        return Path.of(session != null ? session.getExecutionRootDirectory() : System.getProperty("user.dir"));
    }

    ExtensionProject extensionProject() {
        return ExtensionProject.at(workDir());
    }

    /** Progress to Maven's log, results to standard output; the forked lifecycle has built the project. */
    ToolContext context() {
        return context(ProjectBuilder.alreadyBuilt());
    }

    ToolContext context(ProjectBuilder builder) {
        return new ToolContext(home(), PgVersions.of(home()), Progress.to(getLog()::info), System.out, workDir(), builder);
    }

    static void check(int exitCode, String goal) throws MojoFailureException {
        if (exitCode != 0) {
            throw new MojoFailureException("pgj:" + goal + " failed (exit " + exitCode + "), see the output above");
        }
    }
}
