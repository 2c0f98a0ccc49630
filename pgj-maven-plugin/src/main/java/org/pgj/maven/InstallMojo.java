package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.Installer;
import org.pgj.tooling.PgConfig;
import org.pgj.tooling.Progress;
import org.pgj.tooling.Stage;
import org.pgj.tooling.ToolException;

/**
 * Installs the extension into the PostgreSQL of pg_config (without its tests), staging first
 * when the stage is missing or older than target/classes. Then {@code CREATE EXTENSION} works.
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
        Stager stager = stager(this);
        if (!stager.isExtension()) {
            getLog().info("no META-INF/pgj/extension.properties in " + stager.classes()
                    + " (no pgj annotation processor output): nothing to install");
            return;
        }
        try {
            Stage stage = stager.isStale() ? stager.stage() : Stage.read(stageDirectory.toPath());
            PgConfig pg = PgConfig.find(pgConfig == null ? null : pgConfig.toPath());
            Progress progress = Progress.to(getLog()::info);
            if (sudo) {
                Installer.installWithSudo(stage, pg, false, progress);
            } else {
                Installer.install(stage, pg, false, progress);
            }
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
