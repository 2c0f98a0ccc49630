package org.pgj.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.project.MavenBuild;
import org.pgj.tooling.testing.TestCommand;

/**
 * {@code mvn pgj:test [-Dpgj.pg=15|all]}: the project's tests against the private test server of
 * one PostgreSQL major or of each configured one, each a Maven run of its own
 * ({@code mvn test -Dpgj.pgConfig=...}). Same as {@code pgj test}. (Plain {@code mvn test} tests
 * the default major.)
 */
@Mojo(name = "test", threadSafe = true)
public class TestMojo extends PgjMojo {
    /** Passed on to each Maven run, e.g. {@code -Dtest=HelloTest}. */
    @Parameter(property = "pgj.mavenArgs")
    List<String> mavenArgs;

    @Override
    public void execute() throws MojoFailureException {
        try {
            check(TestCommand.run(context(), new TestCommand.Options(extensionProject(), pgSpec(),
                    mavenArgs == null ? List.of() : mavenArgs), MavenBuild.find()), "test");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
