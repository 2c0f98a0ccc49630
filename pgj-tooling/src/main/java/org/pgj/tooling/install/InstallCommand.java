package org.pgj.tooling.install;

import java.nio.file.Path;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.installation.Installer;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;

/**
 * {@code pgj install [pgNN] [--pg-config PATH] [--sudo]}: build and install into the folders of a
 * pg_config, for the server the system runs (private servers get theirs from run and test).
 * Folders the user cannot write are named up front with the way out ({@code --sudo}).
 */
public final class InstallCommand {
    /** @param pgConfig an explicit pg_config, or null to select by {@code pg} (null: the default) */
    public record Options(ExtensionProject project, String pg, Path pgConfig, boolean sudo) {
    }

    private InstallCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        PgConfig pg = o.pgConfig() != null ? PgConfig.find(o.pgConfig()) : ctx.versions().select(o.pg());
        Prerequisites.forBuild(Jdk.current(), pg);
        ctx.builder().build(o.project(), ProjectBuilder.Phase.STAGE, pg, ctx.progress());
        Stage stage = o.project().stage(pg);
        if (o.sudo()) {
            Installer.installWithSudo(stage, pg, false, ctx.progress());
        } else {
            Installer.install(stage, pg, false, ctx.progress());
        }
        ctx.out().println(stage.extension() + " " + stage.version() + " is installed for " + pg
                + ": CREATE EXTENSION " + stage.extension() + " in a database of that server");
        return 0;
    }
}
