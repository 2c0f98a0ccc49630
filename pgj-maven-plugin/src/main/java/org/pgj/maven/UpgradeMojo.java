package org.pgj.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.upgrade.UpgradeCommand;

/**
 * {@code mvn pgj:upgrade [-Dpgj.from=0.1.0]}: writes and proves the upgrade script from a released
 * version (kept with pgj:schema -Dpgj.save=true) to the current one, or says what it cannot
 * decide. Same as {@code pgj upgrade}.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_TEST_CLASSES)
public class UpgradeMojo extends PgjMojo {
    /** The released version to upgrade from; default: the latest kept below the current one. */
    @Parameter(property = "pgj.from")
    String from;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(UpgradeCommand.run(context(), new UpgradeCommand.Options(extensionProject(), pgSpec(), from)), "upgrade");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
