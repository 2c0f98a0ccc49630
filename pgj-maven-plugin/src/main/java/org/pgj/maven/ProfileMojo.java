package org.pgj.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.profile.ProfileCommand;

/**
 * {@code mvn pgj:profile [-Dpgj.pg=15] [-Dpgj.database=db] [-Dpgj.sql=... | -Dpgj.file=...] [-Dpgj.output=FILE]}:
 * psql on the dev server in a session whose Java is recorded, then an HTML flame graph. Same as {@code pgj profile}.
 */
@Mojo(name = "profile", requiresProject = false, threadSafe = true)
public class ProfileMojo extends PsqlSessionMojo {
    /** The flame graph; default target/pgj/profile.html in a project, else pgj-profile.html. */
    @Parameter(property = "pgj.output")
    File output;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(ProfileCommand.run(context(), new ProfileCommand.Options(pgSpec(), database, sqlParameters(),
                    output == null ? null : output.toPath())), "profile");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
