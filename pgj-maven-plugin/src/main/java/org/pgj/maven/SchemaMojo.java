package org.pgj.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.schema.SchemaCommand;

/**
 * {@code mvn -q pgj:schema [-Dpgj.dot=true [-Dpgj.dotFile=graph.dot]] [-Dpgj.save=true]}: prints the
 * generated install script, writes the object graph for GraphViz, or keeps the script as this
 * version's released schema. Same as {@code pgj schema}.
 */
@Mojo(name = "schema", threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class SchemaMojo extends PgjMojo {
    @Parameter(property = "pgj.dot", defaultValue = "false")
    boolean dot;

    /** Where --dot writes; default target/pgj/&lt;ext&gt;.dot. */
    @Parameter(property = "pgj.dotFile")
    File dotFile;

    @Parameter(property = "pgj.save", defaultValue = "false")
    boolean save;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(SchemaCommand.run(context(), new SchemaCommand.Options(extensionProject(), dot || dotFile != null,
                    dotFile == null ? null : dotFile.toPath(), save)), "schema");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
