package org.pgj.tooling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.pgj.tooling.PgjRelease;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.build.AotCache;
import org.pgj.tooling.dev.ConnectCommand;
import org.pgj.tooling.dev.DebugCommand;
import org.pgj.tooling.profile.ProfileCommand;
import org.pgj.tooling.dev.DevDatabase;
import org.pgj.tooling.dev.Psql;
import org.pgj.tooling.dev.RunCommand;
import org.pgj.tooling.dev.ServerCommand;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.PgVersions;
import org.pgj.tooling.info.GetCommand;
import org.pgj.tooling.info.InfoCommand;
import org.pgj.tooling.init.InitCommand;
import org.pgj.tooling.install.InstallCommand;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.packaging.PackageCommand;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.MavenBuild;
import org.pgj.tooling.project.ProjectBuilder;
import org.pgj.tooling.regress.RegressCommand;
import org.pgj.tooling.scaffold.NewCommand;
import org.pgj.tooling.schema.SchemaCommand;
import org.pgj.tooling.server.PrivateServer;
import org.pgj.tooling.testing.TestCommand;
import org.pgj.tooling.upgrade.UpgradeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code pgj} command line: each command's arguments, options and help, mapped onto the
 * options record of its pgj-tooling command. A PostgreSQL major is written {@code pg15} or
 * {@code 15} ({@code all} where a command takes every configured major).
 */
final class Commands {
    private Commands() {
    }

    @Command(name = "pgj", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
            synopsisSubcommandLabel = "COMMAND", separator = " ",
            description = "PostgreSQL extensions in Java. Run the commands in an extension project's folder, except new, "
                    + "init, start/stop/status, connect and info.",
            commandListHeading = "%nCommands:%n",
            footerHeading = "%nEnvironment:%n",
            footer = {
                "  PGJ_HOME             the pgj home (default ~/.pgj; as root /var/tmp/pgj-root)",
                "  PG_CONFIG            the default PostgreSQL",
                "  PGJ_PORT             the port of the server a command uses",
                "  PGJ_DEV_PORT_BASE    dev servers listen on this + the major (default 28800)",
                "  PGJ_TEST_PORT_BASE   test servers listen on this + the major (default 32200)",
                "  PGJ_PG_SOURCE        where init --download fetches from: a mirror of",
                "                       https://ftp.postgresql.org/pub/source, or a tarball"},
            subcommands = {HelpCommand.class, New.class, Init.class, Run.class, Start.class, Stop.class, Status.class,
                Connect.class, Debug.class, Profile.class, Install.class, Package.class, Schema.class, Test.class, Regress.class, Info.class, Get.class,
                Upgrade.class, Demo.class})
    static final class Pgj implements Callable<Integer> {
        private final Path workDir;
        @Spec
        CommandSpec spec;

        Pgj(Path workDir) {
            this.workDir = workDir;
        }

        /** {@code pgj} alone: the commands, and a usage error's exit code. */
        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return spec.exitCodeOnInvalidInput();
        }

        ToolContext context() {
            return ToolContext.console(PrivateServer.defaultHome(), workDir, Pgj::build);
        }

        ExtensionProject project() {
            return ExtensionProject.at(workDir);
        }

        Path resolve(Path path) {
            return path == null ? null : workDir.resolve(path);
        }

        /** The launcher builds with Maven in a child process; Maven goals have built already. */
        private static void build(ExtensionProject project, ProjectBuilder.Phase phase, PgConfig pg, Progress p) {
            MavenBuild.find().build(project, phase, pg, p);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pgj " + PgjRelease.version()};
        }
    }

    /** Refuses an argument that is not a PostgreSQL major, saying how to write one. */
    static final class Major implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!PgVersions.isSpec(value)) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a PostgreSQL major: write pg15 or 15 (or all)");
            }
            return value;
        }
    }

    /** A command's leading arguments: a major if the first is one, then at most {@code max} others. */
    record Leading(String pg, List<String> rest) {
        static Leading of(CommandSpec spec, List<String> args, int max) {
            List<String> rest = new ArrayList<>(args == null ? List.of() : args);
            String pg = !rest.isEmpty() && PgVersions.isSpec(rest.get(0)) ? rest.remove(0) : null;
            if (rest.size() > max) {
                throw new ParameterException(spec.commandLine(), "unexpected argument(s): "
                        + String.join(" ", rest.subList(max, rest.size())));
            }
            return new Leading(pg, rest);
        }

        String first() {
            return rest.isEmpty() ? null : rest.get(0);
        }
    }

    /**
     * run and connect: a database of a dev server ({@code [pgNN] [DB]}), then psql's {@code -c SQL}
     * and {@code -f FILE} in the order given, as psql takes them.
     */
    abstract static class PsqlSession implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..2", paramLabel = "[pgNN] [DB]", hideParamSyntax = true,
                description = "the major (default: see init) and the database")
        List<String> args;
        final List<String> sql = new ArrayList<>();

        /** The major (null: the default) and the database (null: the command's default). */
        Leading target() {
            return Leading.of(spec, args, 1);
        }

        @Option(names = "-c", paramLabel = "SQL", description = "run SQL and exit, as psql -c (repeatable, in order with -f)")
        void command(String command) {
            if (command != null) {
                sql.add("-c");
                sql.add(command);
            }
        }

        @Option(names = "-f", paramLabel = "FILE", description = "run FILE and exit, as psql -f (repeatable, in order with -c)")
        void file(String file) {
            if (file != null) {
                sql.add("-f");
                sql.add(file);
            }
        }
    }

    @Command(name = "new", description = "a new extension project in the folder NAME")
    static final class New implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(paramLabel = "NAME", description = "the extension's name, and its folder")
        String name;
        @Option(names = "--bgworker", description = "with a background worker")
        boolean bgworker;

        @Override
        public Integer call() {
            return NewCommand.run(pgj.context(), new NewCommand.Options(name, bgworker));
        }
    }

    @Command(name = "init", customSynopsis = "pgj init [--pgNN PG_CONFIG]... [--download VERSION | --source TARBALL]",
            description = {"record the PostgreSQL majors to use; --download/--source build one first",
                "Records the majors found (PG_CONFIG, PATH, /usr/lib/postgresql) and those given in the pgj home's "
                        + "config.properties. --download 18 or --source postgresql-18.6.tar.bz2 builds one into the pgj "
                        + "home first."})
    static final class Init implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Spec
        CommandSpec spec;
        @Option(names = "--download", paramLabel = "VERSION", description = "build this release (18, 18.6) from postgresql.org")
        String download;
        @Option(names = "--source", paramLabel = "TARBALL", description = "build this source tarball")
        Path source;

        /** {@code --pg15 PG_CONFIG} ... for each supported major. */
        static void addMajorOptions(CommandLine init) {
            for (int major : PgVersions.SUPPORTED) {
                init.getCommandSpec().addOption(OptionSpec.builder("--pg" + major).paramLabel("PG_CONFIG").type(Path.class)
                        .description("the pg_config of PostgreSQL " + major).build());
            }
        }

        @Override
        public Integer call() {
            Map<Integer, Path> given = new TreeMap<>();
            for (int major : PgVersions.SUPPORTED) {
                Path pgConfig = spec.findOption("--pg" + major).getValue();
                if (pgConfig != null) {
                    given.put(major, pgj.resolve(pgConfig));
                }
            }
            return InitCommand.run(pgj.context(), new InitCommand.Options(given, download, pgj.resolve(source)));
        }
    }

    @Command(name = "run", customSynopsis = "pgj run [pgNN] [DB] [-c SQL | -f FILE]... [--force]",
            description = {"build, install into the dev server, start it, create DB, then psql",
                "Builds, installs into the dev server, starts it, creates DB (default: the extension's name), "
                        + "runs CREATE or ALTER EXTENSION ... UPDATE, then psql (or the SQL given, and exits)."})
    static final class Run extends PsqlSession {
        @Option(names = "--force", description = "when the install script changed, drop your objects that depend on the "
                + "extension (views, defaults) with it")
        boolean force;

        @Override
        public Integer call() {
            Leading target = target();
            return RunCommand.run(pgj.context(), new RunCommand.Options(pgj.project(), target.pg(), target.first(), sql, force));
        }
    }

    /** start, stop and status: the dev servers of one major, or of all configured ones. */
    abstract static class ServerControl implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "pgNN|all", converter = Major.class,
                description = "one major, or all (the default)")
        String pg;

        abstract ServerCommand.Action action();

        @Override
        public Integer call() {
            return ServerCommand.run(pgj.context(), action(), pg);
        }
    }

    @Command(name = "start", description = "start the dev servers")
    static final class Start extends ServerControl {
        @Override
        ServerCommand.Action action() {
            return ServerCommand.Action.START;
        }
    }

    @Command(name = "stop", description = "stop the dev servers (--tests: the test servers too; all: every server under the pgj home)")
    static final class Stop extends ServerControl {
        @Option(names = "--tests", description = "stop the majors' test servers (test, isolated) too")
        boolean tests;

        @Override
        ServerCommand.Action action() {
            return ServerCommand.Action.STOP;
        }

        @Override
        public Integer call() {
            return ServerCommand.run(pgj.context(), action(), pg, tests);
        }
    }

    @Command(name = "status", description = "whether the dev servers run")
    static final class Status extends ServerControl {
        @Override
        ServerCommand.Action action() {
            return ServerCommand.Action.STATUS;
        }
    }

    @Command(name = "connect", customSynopsis = "pgj connect [pgNN] [DB] [-c SQL | -f FILE]...",
            description = "psql on the dev server")
    static final class Connect extends PsqlSession {
        @Override
        public Integer call() {
            Leading target = target();
            return ConnectCommand.run(pgj.context(), new ConnectCommand.Options(target.pg(), target.first(), sql));
        }
    }

    @Command(name = "debug", customSynopsis = "pgj debug [pgNN] [DB] [--port N] [-c SQL | -f FILE]...",
            description = "psql on the dev server, in a session whose JVM a Java debugger (JDWP) can attach to on localhost:N")
    static final class Debug extends PsqlSession {
        @Option(names = "--port", paramLabel = "N", description = "the debugger's port on localhost (default: 5005)")
        int port = DebugCommand.DEFAULT_PORT;

        @Override
        public Integer call() {
            Leading target = target();
            return DebugCommand.run(pgj.context(), new DebugCommand.Options(target.pg(), target.first(), port, sql));
        }
    }

    @Command(name = "profile", customSynopsis = "pgj profile [pgNN] [DB] [-c SQL | -f FILE]... [--output FILE]",
            description = "psql on the dev server in a session whose Java is recorded (JFR); then an HTML flame graph of it")
    static final class Profile extends PsqlSession {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "the flame graph (default: target/pgj/profile.html in a project, else pgj-profile.html)")
        Path output;

        @Override
        public Integer call() {
            Leading target = target();
            return ProfileCommand.run(pgj.context(), new ProfileCommand.Options(target.pg(), target.first(), sql, output));
        }
    }

    @Command(name = "install", description = "build and install into the PostgreSQL of pg_config")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "pgNN", converter = Major.class, description = "the major")
        String pg;
        @Option(names = "--pg-config", paramLabel = "PATH", description = "the pg_config of the PostgreSQL to install into")
        Path pgConfig;
        @Option(names = "--sudo", description = "install with sudo where the folders are not writable")
        boolean sudo;

        @Override
        public Integer call() {
            return InstallCommand.run(pgj.context(), new InstallCommand.Options(pgj.project(), pg, pgj.resolve(pgConfig), sudo));
        }
    }

    @Command(name = "package", description = "target/pgj/package: a tree mirroring pg_config's paths, and a .tar.gz (--deb: Debian packages too)")
    static final class Package implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "pgNN", converter = Major.class, description = "the major")
        String pg;
        @Option(names = "--pg-config", paramLabel = "PATH", description = "the pg_config of the PostgreSQL to package for")
        Path pgConfig;
        @Option(names = "--deb", description = "also Debian packages: the extension, and pgj's runtime it depends on")
        boolean deb;

        @Override
        public Integer call() {
            return PackageCommand.run(pgj.context(), new PackageCommand.Options(pgj.project(), pg, pgj.resolve(pgConfig), deb));
        }
    }

    @Command(name = "schema", description = "print the generated SQL; write the GraphViz graph; keep it as released")
    static final class Schema implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Option(names = "--dot", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
                description = "the dependency graph for GraphViz, to FILE or standard output")
        String dot;
        @Option(names = "--save", description = "keep the schema as the released one of this version")
        boolean save;

        @Override
        public Integer call() {
            return SchemaCommand.run(pgj.context(), new SchemaCommand.Options(pgj.project(), dot != null,
                    dot == null || dot.isEmpty() ? null : Path.of(dot), save));
        }
    }

    @Command(name = "test", customSynopsis = "pgj test [pgNN|all] [-- MAVEN_ARGS...]",
            description = "the project's tests against the private test server(s)")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "[pgNN|all] [-- MAVEN_ARGS...]", hideParamSyntax = true,
                description = "one major, or all; after --, arguments for Maven")
        List<String> args;

        @Override
        public Integer call() {
            List<String> all = args == null ? List.of() : args;
            List<String> original = spec.commandLine().getParseResult().originalArgs();
            int dashes = original.indexOf("--");
            int maven = dashes < 0 ? 0 : original.size() - dashes - 1;
            List<String> before = all.subList(0, all.size() - maven);
            if (before.size() > 1) {
                throw new ParameterException(spec.commandLine(), "unexpected argument(s): "
                        + String.join(" ", before.subList(1, before.size())));
            }
            String pg = before.isEmpty() ? null : new Major().convert(before.get(0));
            return TestCommand.run(pgj.context(), new TestCommand.Options(pgj.project(), pg,
                    List.copyOf(all.subList(before.size(), all.size()))), MavenBuild.find());
        }
    }

    @Command(name = "regress", customSynopsis = "pgj regress [pgNN] [--inputdir DIR] [--create-extension] [--set NAME=VALUE]... [--accept] [--accept-changed] [TEST...]",
            description = "the SQL tests in src/test/regress (sql/*.sql, expected/*.out), in a fresh database")
    static final class Regress implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Spec
        CommandSpec spec;
        @Option(names = "--inputdir", paramLabel = "DIR",
                description = "take sql/ and expected/ from DIR (as pg_regress's --inputdir), e.g. a C original's test folder")
        Path inputDir;
        @Option(names = "--create-extension",
                description = "CREATE EXTENSION before the tests (by default, as with pg_regress, the tests create it)")
        boolean createExtension;
        @Option(names = "--set", paramLabel = "NAME=VALUE",
                description = "a setting of the test database the suite was written under, e.g. extra_float_digits=0 (repeatable)")
        List<String> settings = new ArrayList<>();
        @Option(names = "--accept", description = "write the outputs of tests without an expected file")
        boolean accept;
        @Option(names = "--accept-changed", description = "also replace the expected files of failing tests")
        boolean acceptChanged;
        @Parameters(paramLabel = "[pgNN] [TEST...]", hideParamSyntax = true,
                description = "the major, then the tests to run (default: all)")
        List<String> args;

        @Override
        public Integer call() {
            Leading target = Leading.of(spec, args, Integer.MAX_VALUE);
            return RegressCommand.run(pgj.context(), new RegressCommand.Options(pgj.project(), target.pg(),
                    inputDir == null ? null : inputDir.toAbsolutePath(), createExtension, accept, acceptChanged,
                    target.rest(), settings));
        }
    }

    @Command(name = "info", description = "JDK, pg_config, pgj home, ports, installed files")
    static final class Info implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "pgNN|all", converter = Major.class, description = "one major, or all")
        String pg;
        @Option(names = "--install-root", description = "the folder the installed files are relative to")
        boolean installRoot;

        @Override
        public Integer call() {
            return InfoCommand.run(pgj.context(), new InfoCommand.Options(pg, installRoot));
        }
    }

    @Command(name = "get", description = "one field of the project's control file (e.g. default_version)")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(paramLabel = "FIELD", description = "a control file field (comment, default_version or version,"
                + " relocatable, superuser, trusted, schema, requires, ...), or name")
        String field;

        @Override
        public Integer call() {
            return GetCommand.run(pgj.context(), new GetCommand.Options(pgj.project(), field));
        }
    }

    @Command(name = "upgrade", description = "write and check src/main/pgj/upgrade/EXT--FROM--TO.sql")
    static final class Upgrade implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "pgNN", converter = Major.class, description = "the major")
        String pg;
        @Option(names = "--from", paramLabel = "VERSION", description = "the release to upgrade from (default: the previous kept one)")
        String from;

        @Override
        public Integer call() {
            return UpgradeCommand.run(pgj.context(), new UpgradeCommand.Options(pgj.project(), pg, from));
        }
    }

    /**
     * The repository's demo ({@code ./pgj demo}): install examples/demo into the dev server,
     * create it in database pgj_demo from scratch and run its demo.sql.
     */
    @Command(name = "demo", hidden = true, description = "the pgj checkout's demo (./pgj demo)")
    static final class Demo implements Callable<Integer> {
        @ParentCommand
        Pgj pgj;
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "the demo project")
        Path dir;

        @Override
        public Integer call() {
            ToolContext ctx = pgj.context();
            Path project = pgj.resolve(dir == null ? Path.of(".") : dir).toAbsolutePath().normalize();
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
            DevDatabase.prepare(server, "pgj_demo", stage, true, ctx.progress());
            ctx.progress().step("running " + sql);
            int exit = Psql.session(server, "pgj_demo", List.of("-c", "\\set ECHO all", "-f", sql.toString()), project);
            if (exit != 0) {
                throw new ToolException("demo.sql stopped with an error (psql exit " + exit + "), see above; server log: "
                        + server.logFile());
            }
            ctx.progress().step("done; explore with: pgj connect pgj_demo   (stop: pgj stop)");
            return 0;
        }
    }
}
