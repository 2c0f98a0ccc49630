package org.pgj.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.progress.Progress;

/**
 * Builds pgj.so for the chosen PostgreSQL and writes target/pgj/stage, the folder that
 * {@code pgj:install} and pgj-test install from. Bound after test compilation so tests can run
 * against the staged extension.
 */
@Mojo(name = "stage", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class StageMojo extends PgjMojo {
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
        try {
            Stager stager = stager(this);
            if (!stager.isExtension()) {
                getLog().info("no META-INF/pgj/extension.properties in " + stager.classes()
                        + " (no pgj annotation processor output): nothing to stage");
                return;
            }
            ProvidedDependencies.warnings(project.getArtifacts()).forEach(getLog()::warn);
            stager.stage();
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    static Stager stager(StageMojo mojo) {
        return new Stager(mojo.project, mojo.chosenPgConfig(), mojo.home(), mojo.stageDirectory.toPath(),
                Progress.to(mojo.getLog()::info));
    }
}
