package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.info.GetCommand;

/** {@code mvn -q pgj:get -Dpgj.field=default_version}: one field of the generated control file. Same as {@code pgj get}. */
@Mojo(name = "get", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class GetMojo extends PgjMojo {
    @Parameter(property = "pgj.field", required = true)
    String field;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(GetCommand.run(context(), new GetCommand.Options(extensionProject(), field)), "get");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
