package org.pgj.tooling.dev;

import java.util.ArrayList;
import java.util.List;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.server.RunningServer;

/**
 * {@code pgj start|stop|status [pgNN|all]}: the dev servers, one per major (all configured
 * majors when none is named, as in cargo-pgrx). Each is a cluster {@code <home>/data-<major>} on
 * port 28800+major, logging to {@code <home>/logs/data-<major>.log}. {@code pgj stop --tests}
 * stops the majors' test servers too, and {@code pgj stop all} every server running under the
 * pgj home (dev, test, isolated, bench, ...).
 */
public final class ServerCommand {
    public enum Action { START, STOP, STATUS }

    private ServerCommand() {
    }

    public static int run(ToolContext ctx, Action action, String pgSpec) {
        return run(ctx, action, pgSpec, false);
    }

    public static int run(ToolContext ctx, Action action, String pgSpec, boolean withTestServers) {
        if (action == Action.STOP && "all".equals(pgSpec)) {
            return stopEverything(ctx);
        }
        List<PgConfig> majors = ctx.versions().selectMany(pgSpec, true);
        for (PgConfig pg : majors) {
            PrivateServer server = PrivateServer.forDev(pg, ctx.home());
            switch (action) {
                case START -> {
                    Prerequisites.forServer(pg);
                    server.ensureStarted(ctx.progress());
                }
                case STOP -> {
                    server.stop(ctx.progress());
                    if (withTestServers) {
                        for (PrivateServer tests : List.of(PrivateServer.forTests(pg, ctx.home()),
                                PrivateServer.forIsolatedTests(pg, ctx.home()))) {
                            tests.stop(ctx.progress());
                            ctx.out().println(status(tests));
                        }
                    }
                }
                case STATUS -> { }
            }
            ctx.out().println(status(server));
        }
        return 0;
    }

    /** Stops every server running under the pgj home, each with the pg_config of its major. */
    private static int stopEverything(ToolContext ctx) {
        List<RunningServer> running = RunningServer.under(ctx.home());
        if (running.isEmpty()) {
            ctx.out().println("no PostgreSQL server runs under " + ctx.home());
            return 0;
        }
        List<String> failed = new ArrayList<>();
        for (RunningServer server : running) {
            try {
                server.stop(ctx.versions().select(String.valueOf(server.major())), ctx.progress());
                ctx.out().println("stopped " + server.describe());
            } catch (ToolException e) {
                failed.add(server.describe() + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new ToolException("could not stop " + failed.size() + " server(s):\n" + String.join("\n", failed)
                    + "\nstop each by hand: pg_ctl stop -D <data> -m fast, with the pg_ctl of its major");
        }
        return 0;
    }

    /** {@code PostgreSQL 15.4 dev server: running on port 28815 (data ..., log ...)}. */
    static String status(PrivateServer server) {
        String role = server.name().startsWith("data-") ? "dev" : server.name().startsWith("isolated-") ? "isolated test" : "test";
        return "PostgreSQL " + server.pgConfig().version() + " " + role + " server: " + (server.isRunning() ? "running" : "stopped")
                + " on port " + server.port() + " (data " + server.dataDir() + ", log " + server.logFile() + ")";
    }
}
