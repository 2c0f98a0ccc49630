package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.info.InfoCommand;

/**
 * {@code mvn pgj:info [-Dpgj.pg=15|all] [-Dpgj.installRoot=true]}: the JDK, Maven, pgj home,
 * each PostgreSQL with its servers and ports, and the installed pgj files. Needs no project.
 * Same as {@code pgj info}.
 */
@Mojo(name = "info", requiresProject = false, threadSafe = true)
public class InfoMojo extends PgjMojo {
    /** Print only the dev server's private installation root. */
    @Parameter(property = "pgj.installRoot", defaultValue = "false")
    boolean installRoot;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(InfoCommand.run(context(), new InfoCommand.Options(pgSpec(), installRoot)), "info");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
