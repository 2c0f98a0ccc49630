package org.pgj.tooling.info;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.MavenBuild;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.server.RunningServer;

/**
 * {@code pgj info [pgNN|all] [--install-root]}: what pgj works with: the JDK, Maven, the pgj home,
 * the servers running under the pgj home (name, major, port, pid, data folder), each configured
 * PostgreSQL (pg_config, version, dev and test server with port and state), and
 * the pgj files installed in the system and in the private servers. {@code --install-root} prints
 * only the dev server's private installation root, for scripts ({@code tar -C "$(pgj info --install-root)"}).
 */
public final class InfoCommand {
    public record Options(String pg, boolean installRoot) {
    }

    private InfoCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        PrintStream out = ctx.out();
        if (o.installRoot()) {
            PgConfig pg = ctx.versions().select(o.pg());
            out.println(PrivateServer.forDev(pg, ctx.home()).installation().root());
            return 0;
        }
        out.println("pgj " + PgjRelease.version());
        Jdk jdk = Jdk.current();
        out.println("java:     " + jdk + (jdk.feature() >= Math.max(Jdk.MINIMUM_FEATURE, PgjRelease.javaRelease())
                ? "" : " (too old: pgj needs JDK " + Math.max(Jdk.MINIMUM_FEATURE, PgjRelease.javaRelease()) + ")"));
        out.println("maven:    " + maven());
        out.println("pgj home: " + ctx.home());
        out.println("majors:   " + (ctx.versions().isRecorded() ? "recorded in " + ctx.versions().configFile()
                : "found on this machine (`pgj init` records them in " + ctx.versions().configFile() + ")"));
        List<RunningServer> running = RunningServer.under(ctx.home());
        out.println("running:  " + (running.isEmpty() ? "no server" : running.size() + " server(s) (`pgj stop all` stops them)"));
        running.forEach(server -> out.println("  " + server.describe()));
        String defaultMajor = defaultMajor(ctx);
        List<PgConfig> majors;
        try {
            majors = ctx.versions().selectMany(o.pg(), true);
        } catch (ToolException e) {
            out.println("PostgreSQL: " + e.getMessage());
            return 1;
        }
        for (PgConfig pg : majors) {
            out.println("PostgreSQL " + pg.version() + (String.valueOf(pg.major()).equals(defaultMajor) ? " (default)" : ""));
            out.println("  pg_config:   " + pg.path());
            for (PrivateServer server : List.of(PrivateServer.forDev(pg, ctx.home()), PrivateServer.forTests(pg, ctx.home()))) {
                String role = server.name().startsWith("test-") ? "test server:" : "dev server: ";
                out.println("  " + role + " port " + server.port() + ", " + (server.isRunning() ? "running" : "stopped")
                        + ", data " + server.dataDir() + ", log " + server.logFile());
                out.println("    installed into " + server.installation().root() + ":");
                InstalledFiles.describe(server.installation().dirs()).forEach(line -> out.println("      " + line));
            }
            out.println("  system (the folders of pg_config, written by pgj install):");
            InstalledFiles.describe(InstallDirs.of(pg)).forEach(line -> out.println("      " + line));
        }
        Optional<ExtensionProject> project = ExtensionProject.find(ctx.workDir());
        project.ifPresent(p -> {
            String built;
            try {
                ExtensionProject.Built b = p.built();
                built = b.name() + " " + b.version() + ", built";
            } catch (ToolException e) {
                built = p.extensionName() + ", not built yet";
            }
            out.println("project:  " + built + " (" + p.dir() + ")");
        });
        return 0;
    }

    private static String maven() {
        try {
            return MavenBuild.find().toString();
        } catch (ToolException e) {
            return "not found (apt-get install maven)";
        }
    }

    private static String defaultMajor(ToolContext ctx) {
        try {
            return String.valueOf(ctx.versions().select(null).major());
        } catch (ToolException e) {
            return "";
        }
    }
}
