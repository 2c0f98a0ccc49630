package org.pgj.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.pgj.tooling.PrivateServer;
import org.pgj.tooling.Progress;
import org.pgj.tooling.ToolException;

/**
 * Builds pgj.so for the chosen PostgreSQL and writes target/pgj/stage, the folder that
 * {@code pgj:install} and pgj-test install from. Bound after test compilation so tests can run
 * against the staged extension.
 */
@Mojo(name = "stage", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class StageMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The pg_config of the target PostgreSQL; default: PG_CONFIG, PATH, then the newest under /usr/lib/postgresql. */
    @Parameter(property = "pgj.pgConfig")
    File pgConfig;

    /** Where built pgj.so files are cached; default: PGJ_HOME, else ~/.pgj (/var/tmp/pgj-root as root). */
    @Parameter(property = "pgj.home")
    File pgjHome;

    @Parameter(defaultValue = "${project.build.directory}/pgj/stage", required = true)
    File stageDirectory;

    @Parameter(property = "pgj.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("pgj:stage skipped (pgj.skip)");
            return;
        }
        Stager stager = stager(this);
        if (!stager.isExtension()) {
            getLog().info("no META-INF/pgj/extension.properties in " + stager.classes()
                    + " (no pgj annotation processor output): nothing to stage");
            return;
        }
        try {
            stager.stage();
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    static Stager stager(StageMojo mojo) {
        return new Stager(mojo.project, mojo.pgConfig == null ? null : mojo.pgConfig.toPath(),
                mojo.pgjHome == null ? PrivateServer.defaultHome() : mojo.pgjHome.toPath(),
                mojo.stageDirectory.toPath(), Progress.to(mojo.getLog()::info));
    }
}
