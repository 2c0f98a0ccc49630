package org.pgj.tooling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pgj.tooling.AotCache;
import org.pgj.tooling.Installer;
import org.pgj.tooling.PgConfig;
import org.pgj.tooling.PrivateServer;
import org.pgj.tooling.Progress;
import org.pgj.tooling.Stage;
import org.pgj.tooling.ToolException;

/**
 * The Java side of the {@code ./pgj} launcher: the steps that need no Maven (private server,
 * install of a built stage, the demo). The launcher builds with Maven first and then calls this.
 */
public final class Main {
    static final String DEMO_DATABASE = "pgj_demo";

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(new ArrayList<>(List.of(args))));
        } catch (ToolException e) {
            System.err.println("pgj: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            return usage();
        }
        String command = args.remove(0);
        if (!List.of("demo", "install", "server", "psql").contains(command)) {
            return usage();
        }
        boolean sudo = args.remove("--sudo");
        boolean tests = args.remove("--tests");
        PgConfig pg = PgConfig.find(null);
        Progress p = Progress.console();
        return switch (command) {
            case "demo" -> demo(pg, projectDir(args), sudo, p);
            case "install" -> {
                install(Stage.read(stageDir(projectDir(args))), pg, sudo, tests, p);
                yield 0;
            }
            case "server" -> server(pg, args.isEmpty() ? "status" : args.get(0), tests, p);
            case "psql" -> psql(pg, args.isEmpty() ? DEMO_DATABASE : args.get(0), tests, p);
            default -> usage();
        };
    }

    private static int usage() {
        System.err.println("""
                usage: java org.pgj.tooling.cli.Main COMMAND
                  demo PROJECT_DIR [--sudo]           install PROJECT_DIR's stage into the dev server, run its demo.sql
                  install [PROJECT_DIR] [--sudo] [--tests]   install a built project's stage into pg_config's PostgreSQL
                  server start|stop|restart|status|log [--tests]   the private dev (or test) server
                  psql [DATABASE] [--tests]           interactive psql on the private server""");
        return 2;
    }

    private static Path projectDir(List<String> args) {
        return Path.of(args.isEmpty() ? "." : args.get(0)).toAbsolutePath().normalize();
    }

    /** A project folder (its target/pgj/stage) or a stage folder itself. */
    private static Path stageDir(Path dir) {
        return Files.isRegularFile(dir.resolve(Stage.PROPERTIES)) ? dir : dir.resolve("target/pgj/stage");
    }

    private static void install(Stage stage, PgConfig pg, boolean sudo, boolean tests, Progress p) {
        if (sudo) {
            Installer.installWithSudo(stage, pg, tests, p);
        } else {
            Installer.install(stage, pg, tests, p);
        }
    }

    private static PrivateServer server(PgConfig pg, boolean tests) {
        Path home = PrivateServer.defaultHome();
        return tests ? PrivateServer.forTests(pg, home) : PrivateServer.forDev(pg, home);
    }

    private static int demo(PgConfig pg, Path project, boolean sudo, Progress p) {
        Stage stage = Stage.read(stageDir(project));
        Path sql = project.resolve("demo.sql");
        if (!Files.isRegularFile(sql)) {
            throw new ToolException("no demo script " + sql + ": add one next to the project's pom.xml");
        }
        PrivateServer server = server(pg, false);
        server.ensureStarted(p);
        install(stage, pg, sudo, false, p);
        AotCache.ensure(server, p);
        p.step("creating database " + DEMO_DATABASE + " with CREATE EXTENSION " + stage.extension());
        server.createDatabase(DEMO_DATABASE, true);
        server.psql(DEMO_DATABASE, "CREATE EXTENSION " + stage.extension());
        p.step("running " + sql);
        List<String> command = new ArrayList<>(server.psqlCommand(DEMO_DATABASE));
        // Echo every line of the script before its result, so the output reads like a session.
        command.addAll(List.of("--echo-all", "-P", "pager=off", "-f", sql.toString()));
        int exit = interactive(command);
        if (exit != 0) {
            throw new ToolException("demo.sql stopped with an error (psql exit " + exit + "), see above; "
                    + "server log: " + server.logFile());
        }
        p.step("done; explore with: " + String.join(" ", server.psqlCommand(DEMO_DATABASE)) + "   (stop: ./pgj server stop)");
        return 0;
    }

    private static int server(PgConfig pg, String action, boolean tests, Progress p) {
        PrivateServer server = server(pg, tests);
        switch (action) {
            case "start" -> server.ensureStarted(p);
            case "stop" -> {
                if (!server.isRunning()) {
                    p.step(server + " is not running");
                }
                server.stop(p);
            }
            case "restart" -> server.restart(p);
            case "status" -> System.out.println(server + (server.isRunning() ? " is running" : " is stopped")
                    + "\n  log: " + server.logFile() + "\n  jdbc: " + server.jdbcUrl("postgres"));
            case "log" -> server.lastLogLines(50).forEach(System.out::println);
            default -> {
                return usage();
            }
        }
        return 0;
    }

    private static int psql(PgConfig pg, String database, boolean tests, Progress p) {
        PrivateServer server = server(pg, tests);
        server.ensureStarted(p);
        server.createDatabase(database, false);
        return interactive(server.psqlCommand(database));
    }

    private static int interactive(List<String> command) {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new ToolException("cannot run " + command.get(0) + " (" + e.getMessage()
                    + "): install the PostgreSQL client (apt-get install postgresql-client-15)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
