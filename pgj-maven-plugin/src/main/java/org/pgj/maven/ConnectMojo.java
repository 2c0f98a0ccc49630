package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ConnectCommand;

/**
 * {@code mvn pgj:connect [-Dpgj.pg=15] [-Dpgj.database=db] [-Dpgj.sql=... | -Dpgj.file=...]}: psql
 * on the dev server, started and with the database created if needed; no build. Same as
 * {@code pgj connect}.
 */
@Mojo(name = "connect", requiresProject = false, threadSafe = true)
public class ConnectMojo extends PsqlSessionMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            check(ConnectCommand.run(context(), new ConnectCommand.Options(pgSpec(), database, sqlParameters())),
                    "connect");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
