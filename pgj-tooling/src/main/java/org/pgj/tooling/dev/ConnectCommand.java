package org.pgj.tooling.dev;

import java.util.List;
import java.util.Map;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj connect [pgNN] [db]}: psql on the dev server, started if it is stopped, with the
 * database created if it is missing. No build, no install: the fast way back into a session.
 */
public final class ConnectCommand {
    /**
     * @param database null for the project's extension name, or {@code postgres} outside a project
     * @param sql      {@code -c}/{@code -f} pairs for {@link Psql}; empty for an interactive psql
     */
    public record Options(String pg, String database, List<String> sql) {
    }

    private ConnectCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        return session(ctx, devServer(ctx, o.pg()), o.database(), o.sql(), Map.of());
    }

    /** The dev server of the major {@code pg} (null: the default), started. */
    public static PrivateServer devServer(ToolContext ctx, String pg) {
        PgConfig config = ctx.versions().select(pg);
        Prerequisites.forServer(config);
        PrivateServer server = PrivateServer.forDev(config, ctx.home());
        server.ensureStarted(ctx.progress());
        return server;
    }

    /** psql on {@code server}'s database (created if missing) with {@code env} added to psql's environment. */
    public static int session(ToolContext ctx, PrivateServer server, String databaseOrNull, List<String> sql, Map<String, String> env) {
        String database = databaseOrNull != null ? databaseOrNull
                : ExtensionProject.find(ctx.workDir()).map(ExtensionProject::extensionName).orElse("postgres");
        String exists = server.psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = "
                + DevDatabase.literal(database)).trim();
        if (exists.equals("0")) {
            server.createDatabase(database, false);
            ctx.progress().step("created database " + database);
        }
        return Psql.session(server, database, sql, ctx.workDir(), env);
    }
}
