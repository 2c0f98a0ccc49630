package org.pgj.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.regress.RegressCommand;

/**
 * {@code mvn pgj:regress [-Dpgj.inputDir=DIR] [-Dpgj.createExtension=true] [-Dpgj.settings=NAME=VALUE,...] [-Dpgj.accept=true]
 * [-Dpgj.acceptChanged=true] [-Dpgj.tests=a,b]}: the pg_regress-style tests in src/test/regress
 * (or DIR). Same as {@code pgj regress}.
 */
@Mojo(name = "regress", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_TEST_CLASSES)
public class RegressMojo extends PgjMojo {
    /** The folder of sql/ and expected/, as pg_regress's --inputdir; src/test/regress when left out. */
    @Parameter(property = "pgj.inputDir")
    java.io.File inputDir;

    /** CREATE EXTENSION before the tests; by default, as with pg_regress, the tests create it. */
    @Parameter(property = "pgj.createExtension", defaultValue = "false")
    boolean createExtension;

    /** Settings of the test database the suite was written under, as NAME=VALUE (e.g. extra_float_digits=0). */
    @Parameter(property = "pgj.settings")
    List<String> settings;

    /** Keep the output of tests that have no expected output yet. */
    @Parameter(property = "pgj.accept", defaultValue = "false")
    boolean accept;

    /** Also replace the expected output of tests whose output changed. */
    @Parameter(property = "pgj.acceptChanged", defaultValue = "false")
    boolean acceptChanged;

    /** Only these tests (names of files in src/test/regress/sql, without .sql). */
    @Parameter(property = "pgj.tests")
    List<String> tests;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(RegressCommand.run(context(), new RegressCommand.Options(extensionProject(), pgSpec(),
                    inputDir == null ? null : inputDir.toPath(), createExtension, accept, acceptChanged,
                    tests == null ? List.of() : tests, settings == null ? List.of() : settings)), "regress");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
