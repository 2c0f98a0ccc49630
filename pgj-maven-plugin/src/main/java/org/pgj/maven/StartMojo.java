package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ServerCommand;

/**
 * {@code mvn pgj:start [-Dpgj.pg=15|all]}: starts the dev server of a PostgreSQL major (default:
 * every configured one). Needs no project. Same as {@code pgj start}.
 */
@Mojo(name = "start", requiresProject = false, threadSafe = true)
public class StartMojo extends PgjMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            check(ServerCommand.run(context(), ServerCommand.Action.START, pgSpec()), "start");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
