package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.install.InstallCommand;

/**
 * {@code mvn pgj:install [-Dpgj.sudo=true] [-Dpgj.pg=15 | -Dpgj.pgConfig=...]}: installs the
 * extension into the folders of pg_config, staging first when the stage is missing or older than
 * the build. Then {@code CREATE EXTENSION} works on that server. Same as {@code pgj install}.
 */
@Mojo(name = "install", defaultPhase = LifecyclePhase.INSTALL,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstallMojo extends StageMojo {
    /** Copy with {@code sudo} when the PostgreSQL folders belong to root. */
    @Parameter(property = "pgj.sudo", defaultValue = "false")
    boolean sudo;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("pgj:install skipped (pgj.skip)");
            return;
        }
        try {
            Stager stager = stager(this);
            if (!stager.isExtension()) {
                getLog().info("no META-INF/pgj/extension.properties in " + stager.classes()
                        + " (no pgj annotation processor output): nothing to install");
                return;
            }
            check(InstallCommand.run(context((project, phase, pg, progress) -> {
                if (stager.isStale()) {
                    stager.stage();
                }
            }), new InstallCommand.Options(extensionProject(), pg, chosenPgConfig(), sudo)), "install");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
