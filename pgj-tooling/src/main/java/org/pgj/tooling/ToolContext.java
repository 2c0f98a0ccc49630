package org.pgj.tooling;

import java.io.PrintStream;
import java.nio.file.Path;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ProjectBuilder;

/**
 * What every command runs with, whether the launcher or a Maven goal started it: the pgj home,
 * the configured PostgreSQL majors, where progress and results go, the folder it runs in, and how
 * the project gets built (Maven as a child process for the launcher; already done for a goal).
 *
 * @param out results (SQL, psql output, status); progress goes to {@code progress}, so
 *            {@code pgj schema > x.sql} stays clean
 */
public record ToolContext(Path home, PgVersions versions, Progress progress, PrintStream out, Path workDir,
                          ProjectBuilder builder) {
    /** The context for {@code home}, with progress on standard error and results on standard output. */
    public static ToolContext console(Path home, Path workDir, ProjectBuilder builder) {
        return new ToolContext(home, PgVersions.of(home), Progress.to(System.err::println), System.out, workDir, builder);
    }
}
