package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.packaging.PackageCommand;

/**
 * {@code mvn pgj:package [-Dpgj.pg=15 | -Dpgj.pgConfig=...] [-Dpgj.deb=true]}: the tree mirroring
 * pg_config's paths and its .tar.gz in target/pgj/package (and Debian packages). Same as {@code pgj package}.
 */
@Mojo(name = "package", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_TEST_CLASSES)
public class PackageMojo extends PgjMojo {
    /** Also the Debian packages (the extension, and pgj's runtime it depends on), as {@code pgj package --deb}. */
    @Parameter(property = "pgj.deb", defaultValue = "false")
    boolean deb;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(PackageCommand.run(context(), new PackageCommand.Options(extensionProject(), pg,
                    pgConfig == null ? null : pgConfig.toPath(), deb)), "package");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
