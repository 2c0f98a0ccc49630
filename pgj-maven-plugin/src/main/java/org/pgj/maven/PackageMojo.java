package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.packaging.PackageCommand;

/**
 * {@code mvn pgj:package [-Dpgj.pg=15 | -Dpgj.pgConfig=...]}: the tree mirroring pg_config's paths
 * and its .tar.gz in target/pgj/package. Same as {@code pgj package}.
 */
@Mojo(name = "package", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_TEST_CLASSES)
public class PackageMojo extends PgjMojo {
    @Override
    public void execute() throws MojoFailureException {
        try {
            check(PackageCommand.run(context(), new PackageCommand.Options(extensionProject(), pg,
                    pgConfig == null ? null : pgConfig.toPath())), "package");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
