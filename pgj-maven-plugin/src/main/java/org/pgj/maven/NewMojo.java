package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.scaffold.NewCommand;

/**
 * {@code mvn org.pgj:pgj-maven-plugin:VERSION:new -Dpgj.name=hello [-Dpgj.bgworker=true]}: a new
 * extension project in the folder {@code hello}; needs no project. Same as {@code pgj new}.
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends PgjMojo {
    /** The extension's name, and the project folder's. */
    @Parameter(property = "pgj.name", required = true)
    String name;

    /** Add the work of a background worker (pgj cannot start workers yet; see the generated Worker class). */
    @Parameter(property = "pgj.bgworker", defaultValue = "false")
    boolean bgworker;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(NewCommand.run(context(), new NewCommand.Options(name, bgworker)), "new");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
