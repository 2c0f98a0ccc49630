package org.pgj.tooling.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;

/**
 * {@code pgj schema [--dot [FILE]] [--save]}: print the generated install script; write the
 * object graph for GraphViz; or keep the script as the schema of a released version
 * ({@code src/main/pgj/released/<ext>--<version>.sql}), which {@code pgj upgrade} compares the next
 * version against.
 */
public final class SchemaCommand {
    /**
     * @param dot  write the GraphViz graph (to {@code dotFile}, or {@code target/pgj/<ext>.dot} when null)
     * @param save keep the install script as the released schema of this version
     */
    public record Options(ExtensionProject project, boolean dot, Path dotFile, boolean save) {
    }

    private SchemaCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        Prerequisites.forJdk(Jdk.current());
        ctx.builder().build(o.project(), ProjectBuilder.Phase.COMPILE, null, ctx.progress());
        ExtensionProject.Built built = o.project().built();
        String script = read(built.installScript());
        if (o.dot()) {
            Path file = o.dotFile() != null ? ctx.workDir().resolve(o.dotFile())
                    : o.project().target().resolve("pgj").resolve(built.name() + ".dot");
            write(file, DotGraph.render(ObjectGraph.read(built.objects())));
            ctx.out().println("wrote the dependency graph of " + built.name() + " " + built.version() + " to " + file
                    + " (render it with: dot -Tsvg " + file + " -o " + built.name() + ".svg)");
        }
        if (o.save()) {
            save(ctx, o.project(), built, script);
        }
        if (!o.dot() && !o.save()) {
            ctx.out().print(script);
        }
        return 0;
    }

    /** Released schemas never change: saving again is fine only if the script is still the same. */
    private static void save(ToolContext ctx, ExtensionProject project, ExtensionProject.Built built, String script) {
        Path kept = project.releasedDir().resolve(built.name() + "--" + built.version() + ".sql");
        if (Files.isRegularFile(kept)) {
            if (read(kept).equals(script)) {
                ctx.out().println("the schema of " + built.name() + " " + built.version() + " is already kept in " + kept);
                return;
            }
            throw new ToolException(kept + " already keeps a different schema for version " + built.version()
                    + ": a released version's schema must not change (servers have it installed); raise the version in "
                    + "pom.xml for new changes, or delete " + kept + " if " + built.version() + " was never released");
        }
        write(kept, script);
        ctx.out().println("kept the schema of " + built.name() + " " + built.version() + " in " + kept
                + ": commit it; after raising the version, `pgj upgrade` writes the upgrade script from it");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + " (" + e.getMessage() + "): rebuild the project", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.createReadableDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new ToolException("cannot write " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
