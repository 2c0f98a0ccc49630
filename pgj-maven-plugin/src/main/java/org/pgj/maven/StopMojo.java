package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ServerCommand;

/**
 * {@code mvn pgj:stop [-Dpgj.pg=15|all]}: stops the dev server of a PostgreSQL major (default:
 * every configured one); {@code all} stops every server running under the pgj home (dev, test,
 * isolated, bench). Needs no project. Same as {@code pgj stop}.
 */
@Mojo(name = "stop", requiresProject = false, threadSafe = true)
public class StopMojo extends PgjMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            check(ServerCommand.run(context(), ServerCommand.Action.STOP, pgSpec()), "stop");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
