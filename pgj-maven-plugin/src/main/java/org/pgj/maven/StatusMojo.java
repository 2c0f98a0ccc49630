package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ServerCommand;

/**
 * {@code mvn pgj:status [-Dpgj.pg=15|all]}: shows the state of the dev server of a PostgreSQL major (default:
 * every configured one). Needs no project. Same as {@code pgj status}.
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends PgjMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            check(ServerCommand.run(context(), ServerCommand.Action.STATUS, pgSpec()), "status");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
