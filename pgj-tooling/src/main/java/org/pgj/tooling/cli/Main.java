package org.pgj.tooling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pgj.tooling.AotCache;
import org.pgj.tooling.PgConfig;
import org.pgj.tooling.PgVersions;
import org.pgj.tooling.PrivateServer;
import org.pgj.tooling.Stage;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.dev.ConnectCommand;
import org.pgj.tooling.dev.DevDatabase;
import org.pgj.tooling.dev.Psql;
import org.pgj.tooling.dev.RunCommand;
import org.pgj.tooling.dev.ServerCommand;
import org.pgj.tooling.info.InfoCommand;
import org.pgj.tooling.init.InitCommand;
import org.pgj.tooling.install.InstallCommand;
import org.pgj.tooling.packaging.PackageCommand;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.MavenBuild;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.regress.RegressCommand;
import org.pgj.tooling.scaffold.NewCommand;
import org.pgj.tooling.schema.SchemaCommand;
import org.pgj.tooling.testing.TestCommand;
import org.pgj.tooling.upgrade.UpgradeCommand;

/**
 * The Java side of the {@code pgj} launcher: parses a command line and runs the pgj-tooling
 * command, the same code the Maven goals run. Results go to standard output, progress to
 * standard error; the exit code is the command's (psql's, for run -c).
 */
public final class Main {
    static final String USAGE = """
            usage: pgj COMMAND [ARGS]         (in an extension project's folder, except new, init, start/stop/status, connect, info)
              new NAME [--bgworker]           a new extension project in the folder NAME
              init [--pgNN PG_CONFIG]... [--download VERSION | --source TARBALL]
                                              record the PostgreSQL majors to use (default: those found); --download 18
                                              or --source postgresql-18.6.tar.bz2 builds one into the pgj home first
              run [pgNN] [DB] [-c SQL|-f FILE]...
                                              build, install into the dev server, start it, create DB (default: the
                                              extension's name), CREATE or ALTER EXTENSION ... UPDATE, then psql
              start|stop|status [pgNN|all]    the dev servers (default: all configured majors)
              connect [pgNN] [DB] [-c SQL|-f FILE]...
                                              psql on the dev server
              install [pgNN] [--pg-config PATH] [--sudo]
                                              build and install into the PostgreSQL of pg_config
              package [pgNN] [--pg-config PATH]
                                              target/pgj/package: a tree mirroring pg_config's paths, and a .tar.gz
              schema [--dot [FILE]] [--save]  print the generated SQL; write the GraphViz graph; keep it as released
              test [pgNN|all] [-- MAVEN_ARGS] the project's tests against the private test server(s)
              regress [pgNN] [--accept] [--accept-changed] [TEST...]
                                              the SQL tests in src/test/regress (sql/*.sql, expected/*.out)
              info [pgNN|all] [--install-root]
                                              JDK, pg_config, pgj home, ports, installed files
              upgrade [pgNN] [--from VERSION] write and check src/main/pgj/upgrade/EXT--FROM--TO.sql
            environment: PGJ_HOME (default ~/.pgj; as root /var/tmp/pgj-root), PG_CONFIG, PGJ_PORT,
              PGJ_DEV_PORT_BASE (28800), PGJ_TEST_PORT_BASE (32200),
              PGJ_PG_SOURCE (init --download: a mirror of https://ftp.postgresql.org/pub/source, or a tarball)""";

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(List.of(args), Path.of("").toAbsolutePath());
        } catch (ToolException e) {
            System.err.println("pgj: " + e.getMessage());
            code = 1;
        } catch (Arguments.UsageException e) {
            System.err.println("pgj: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        }
        System.exit(code);
    }

    static int run(List<String> argv, Path workDir) {
        if (argv.isEmpty() || List.of("help", "-h", "--help").contains(argv.get(0))) {
            System.out.println(USAGE);
            return argv.isEmpty() ? 2 : 0;
        }
        String command = argv.get(0);
        Arguments args = new Arguments(argv.subList(1, argv.size()));
        ToolContext ctx = ToolContext.console(PrivateServer.defaultHome(), workDir, Main::build);
        return switch (command) {
            case "new" -> {
                boolean bgworker = args.flag("--bgworker");
                List<String> name = args.positional(1);
                if (name.isEmpty()) {
                    throw new Arguments.UsageException("new needs the extension's name");
                }
                yield NewCommand.run(ctx, new NewCommand.Options(name.get(0), bgworker));
            }
            case "init" -> {
                String download = args.option("--download");
                String source = args.option("--source");
                yield InitCommand.run(ctx, new InitCommand.Options(majors(args, workDir), download,
                        source == null ? null : workDir.resolve(source)));
            }
            case "run" -> {
                List<String> sql = args.psqlScripts();
                String pg = args.takeIf(PgVersions::isSpec);
                List<String> db = args.positional(1);
                yield RunCommand.run(ctx, new RunCommand.Options(project(workDir), pg, db.isEmpty() ? null : db.get(0), sql));
            }
            case "start", "stop", "status" -> {
                List<String> pg = args.positional(1);
                yield ServerCommand.run(ctx, ServerCommand.Action.valueOf(command.toUpperCase(java.util.Locale.ROOT)),
                        pg.isEmpty() ? null : spec(pg.get(0)));
            }
            case "connect" -> {
                List<String> sql = args.psqlScripts();
                String pg = args.takeIf(PgVersions::isSpec);
                List<String> db = args.positional(1);
                yield ConnectCommand.run(ctx, new ConnectCommand.Options(pg, db.isEmpty() ? null : db.get(0), sql));
            }
            case "install" -> {
                boolean sudo = args.flag("--sudo");
                String pgConfig = args.option("--pg-config");
                String pg = onlySpec(args);
                yield InstallCommand.run(ctx, new InstallCommand.Options(project(workDir), pg,
                        pgConfig == null ? null : workDir.resolve(pgConfig), sudo));
            }
            case "package" -> {
                String pgConfig = args.option("--pg-config");
                String pg = onlySpec(args);
                yield PackageCommand.run(ctx, new PackageCommand.Options(project(workDir), pg,
                        pgConfig == null ? null : workDir.resolve(pgConfig)));
            }
            case "schema" -> {
                boolean save = args.flag("--save");
                String dot = args.optionalValue("--dot", "");
                args.positional(0);
                yield SchemaCommand.run(ctx, new SchemaCommand.Options(project(workDir), dot != null,
                        dot == null || dot.isEmpty() ? null : Path.of(dot), save));
            }
            case "test" -> {
                List<String> maven = args.afterDoubleDash();
                String pg = onlySpec(args);
                yield TestCommand.run(ctx, new TestCommand.Options(project(workDir), pg, maven), MavenBuild.find());
            }
            case "regress" -> {
                boolean accept = args.flag("--accept");
                boolean acceptChanged = args.flag("--accept-changed");
                String pg = args.takeIf(PgVersions::isSpec);
                List<String> tests = args.positional(Integer.MAX_VALUE);
                yield RegressCommand.run(ctx, new RegressCommand.Options(project(workDir), pg, accept, acceptChanged, tests));
            }
            case "info" -> {
                boolean root = args.flag("--install-root");
                yield InfoCommand.run(ctx, new InfoCommand.Options(onlySpec(args), root));
            }
            case "upgrade" -> {
                String from = args.option("--from");
                yield UpgradeCommand.run(ctx, new UpgradeCommand.Options(project(workDir), onlySpec(args), from));
            }
            case "demo" -> demo(ctx, Path.of(args.positional(1).stream().findFirst().orElse(".")).toAbsolutePath().normalize());
            default -> throw new Arguments.UsageException("unknown command '" + command + "'");
        };
    }

    /** The launcher builds with Maven in a child process; Maven goals have built already. */
    private static void build(ExtensionProject project, ProjectBuilder.Phase phase, PgConfig pg, org.pgj.tooling.Progress p) {
        MavenBuild.find().build(project, phase, pg, p);
    }

    private static ExtensionProject project(Path workDir) {
        return ExtensionProject.at(workDir);
    }

    /** At most one argument, a major ({@code pg15}, {@code 15}) or {@code all}. */
    private static String onlySpec(Arguments args) {
        List<String> rest = args.positional(1);
        return rest.isEmpty() ? null : spec(rest.get(0));
    }

    private static String spec(String arg) {
        if (!PgVersions.isSpec(arg)) {
            throw new Arguments.UsageException("'" + arg + "' is not a PostgreSQL major: write pg15 or 15 (or all)");
        }
        return arg;
    }

    /** {@code --pg16 /opt/pg16/bin/pg_config} options of init. */
    private static Map<Integer, Path> majors(Arguments args, Path workDir) {
        Map<Integer, Path> given = new TreeMap<>();
        args.majorOptions().forEach((major, path) -> given.put(major, workDir.resolve(path)));
        args.positional(0);
        return given;
    }

    /**
     * The repository's demo ({@code ./pgj demo}): install examples/demo into the dev server,
     * create it in database pgj_demo from scratch and run its demo.sql.
     */
    private static int demo(ToolContext ctx, Path project) {
        Path sql = project.resolve("demo.sql");
        if (!Files.isRegularFile(sql)) {
            throw new ToolException("no demo script " + sql + ": add one next to the project's pom.xml");
        }
        PgConfig pg = ctx.versions().select(null);
        Stage stage = ExtensionProject.at(project).stage(pg);
        PrivateServer server = PrivateServer.forDev(pg, ctx.home());
        server.ensureStarted(ctx.progress());
        server.install(stage, false, ctx.progress());
        AotCache.ensure(server, ctx.progress());
        server.createDatabase("pgj_demo", true);
        DevDatabase.prepare(server, "pgj_demo", stage, ctx.progress());
        ctx.progress().step("running " + sql);
        int exit = Psql.session(server, "pgj_demo", List.of("-c", "\\set ECHO all", "-f", sql.toString()), project);
        if (exit != 0) {
            throw new ToolException("demo.sql stopped with an error (psql exit " + exit + "), see above; server log: " + server.logFile());
        }
        ctx.progress().step("done; explore with: pgj connect pgj_demo   (stop: pgj stop)");
        return 0;
    }
}
