package org.pgj.tooling.dev;

import java.util.List;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.build.AotCache;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj run [pgNN] [db]}: build, install into the dev server of that major, start it,
 * create the database, bring the extension up to date in it, and open psql (or run {@code -c} /
 * {@code -f} and exit).
 */
public final class RunCommand {
    /**
     * @param pg       a major ({@code pg15}), or null for the default
     * @param database null for the extension's name
     * @param sql      {@code -c}/{@code -f} pairs for {@link Psql}; empty for an interactive psql
     * @param force    when the install script changed, drop the user's objects that depend on the extension with it
     */
    public record Options(ExtensionProject project, String pg, String database, List<String> sql, boolean force) {
    }

    private RunCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        PgConfig pg = ctx.versions().select(o.pg());
        Prerequisites.forBuild(Jdk.current(), pg);
        Prerequisites.forServer(pg);
        Progress p = ctx.progress();
        PrivateServer server = PrivateServer.forDev(pg, ctx.home());
        server.checkHome();
        ctx.builder().build(o.project(), ProjectBuilder.Phase.STAGE, pg, p);
        Stage stage = o.project().stage(pg);

        server.ensureStarted(p);
        server.install(stage, false, p);
        AotCache.ensure(server, p);
        String database = o.database() == null ? stage.extension() : o.database();
        DevDatabase.prepare(server, database, stage, o.force(), p);
        if (o.sql().isEmpty()) {
            p.step("psql on database " + database + " (port " + server.port() + "); \\q quits, the server keeps running (pgj stop)");
        }
        return Psql.session(server, database, o.sql(), ctx.workDir());
    }
}
