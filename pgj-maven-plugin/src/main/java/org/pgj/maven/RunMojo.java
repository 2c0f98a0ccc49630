package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.RunCommand;

/**
 * {@code mvn pgj:run [-Dpgj.pg=15] [-Dpgj.database=db] [-Dpgj.sql=... | -Dpgj.file=...] [-Dpgj.force=true]}: builds,
 * installs into the dev server, starts it, creates the database, creates or updates the extension
 * there and opens psql (or runs the SQL and exits). Same as {@code pgj run}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_TEST_CLASSES)
public class RunMojo extends PsqlSessionMojo {
    /** When the install script changed, drop the user's objects that depend on the extension with it. */
    @Parameter(property = "pgj.force", defaultValue = "false")
    boolean force;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(RunCommand.run(context(), new RunCommand.Options(extensionProject(), pgSpec(), database,
                    sqlParameters(), force)), "run");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
