package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;

/**
 * {@code pgj:check}, bound to {@code validate} in projects made by pgj new: fails at once, saying
 * exactly what to install, when the build could not work (a JDK too old for pgj, no pg_config, no
 * server headers, no C compiler), instead of failing later with the compiler's or PGXS's message.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends PgjMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            PgConfig target = PgConfig.find(chosenPgConfig());
            Prerequisites.forBuild(Jdk.current(), target);
            getLog().debug("pgj prerequisites met: " + Jdk.current() + ", " + target);
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
