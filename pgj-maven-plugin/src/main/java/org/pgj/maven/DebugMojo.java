package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.DebugCommand;

/**
 * {@code mvn pgj:debug [-Dpgj.pg=15] [-Dpgj.database=db] [-Dpgj.debugPort=5005] [-Dpgj.sql=... | -Dpgj.file=...]}:
 * psql on the dev server, in a session whose JVM a Java debugger can attach to. Same as {@code pgj debug}.
 */
@Mojo(name = "debug", requiresProject = false, threadSafe = true)
public class DebugMojo extends PsqlSessionMojo {
    /** The debugger's port on localhost. */
    @Parameter(property = "pgj.debugPort", defaultValue = "5005")
    int debugPort;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(DebugCommand.run(context(), new DebugCommand.Options(pgSpec(), database, debugPort, sqlParameters())), "debug");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
