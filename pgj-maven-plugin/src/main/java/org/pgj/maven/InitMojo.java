package org.pgj.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.init.InitCommand;

/**
 * {@code mvn pgj:init [-Dpgj.add=16=/opt/pg16/bin/pg_config,...] [-Dpgj.download=18 | -Dpgj.source=TARBALL]}:
 * records the PostgreSQL majors (those found, plus the ones given, plus one built from source into
 * the pgj home) in the pgj home. Needs no project. Same as {@code pgj init}.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends PgjMojo {
    /** Majors to add, as {@code MAJOR=PG_CONFIG}. */
    @Parameter(property = "pgj.add")
    List<String> add;

    /** A major ({@code 18}) or release ({@code 18.6}) to download (PGJ_PG_SOURCE or postgresql.org) and build. */
    @Parameter(property = "pgj.download")
    String download;

    /** A PostgreSQL source tarball to build into the pgj home. */
    @Parameter(property = "pgj.source")
    java.io.File source;

    @Override
    public void execute() throws MojoFailureException {
        Map<Integer, Path> given = new TreeMap<>();
        for (String entry : add == null ? List.<String>of() : add) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !parts[0].replaceFirst("^pg", "").matches("\\d+")) {
                throw new MojoFailureException("-Dpgj.add takes MAJOR=PG_CONFIG entries, e.g. 16=/opt/pg16/bin/pg_config, not " + entry);
            }
            given.put(Integer.parseInt(parts[0].replaceFirst("^pg", "")), Path.of(parts[1]));
        }
        try {
            check(InitCommand.run(context(), new InitCommand.Options(given, download,
                    source == null ? null : source.toPath().toAbsolutePath())), "init");
        } catch (ToolException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
