package org.pgj.tooling.dev;

import java.util.List;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.server.PrivateServer;

/**
 * {@code pgj start|stop|status [pgNN|all]}: the dev servers, one per major (all configured
 * majors when none is named, as in cargo-pgrx). Each is a cluster {@code <home>/data-<major>} on
 * port 28800+major, logging to {@code <home>/logs/data-<major>.log}.
 */
public final class ServerCommand {
    public enum Action { START, STOP, STATUS }

    private ServerCommand() {
    }

    public static int run(ToolContext ctx, Action action, String pgSpec) {
        List<PgConfig> majors = ctx.versions().selectMany(pgSpec, true);
        for (PgConfig pg : majors) {
            PrivateServer server = PrivateServer.forDev(pg, ctx.home());
            switch (action) {
                case START -> {
                    Prerequisites.forServer(pg);
                    server.ensureStarted(ctx.progress());
                }
                case STOP -> server.stop(ctx.progress());
                case STATUS -> { }
            }
            ctx.out().println(status(server));
        }
        return 0;
    }

    /** {@code PostgreSQL 15.4 dev server: running on port 28815 (data ..., log ...)}. */
    static String status(PrivateServer server) {
        return "PostgreSQL " + server.pgConfig().version() + " dev server: " + (server.isRunning() ? "running" : "stopped")
                + " on port " + server.port() + " (data " + server.dataDir() + ", log " + server.logFile() + ")";
    }
}
