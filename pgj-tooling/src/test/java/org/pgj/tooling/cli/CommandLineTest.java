package org.pgj.tooling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What the launcher's commands take from a command line, and how it explains a mistake. */
class CommandLineTest {
    private static final Path WORK = Path.of("/work/dir");

    @Test
    void runTakesAMajorADatabaseAndPsqlScriptsInOrder() {
        Commands.Run run = parse("run", "pg15", "-c", "SELECT 1", "mydb", "-f", "x.sql", "-c", "SELECT 2");
        assertEquals(List.of("-c", "SELECT 1", "-f", "x.sql", "-c", "SELECT 2"), run.sql);
        Commands.Leading target = Commands.Leading.of(run.spec, run.args, 1);
        assertEquals("pg15", target.pg());
        assertEquals("mydb", target.first());
    }

    @Test
    void aDatabaseAloneIsNotTakenForAMajor() {
        Commands.Connect connect = parse("connect", "mydb");
        Commands.Leading target = Commands.Leading.of(connect.spec, connect.args, 1);
        assertNull(target.pg());
        assertEquals("mydb", target.first());
    }

    @Test
    void flagsOptionsAndOptionalValues() {
        Commands.Schema schema = parse("schema", "--dot", "--save");
        assertEquals("", schema.dot);
        assertTrue(schema.save);
        Commands.Schema toFile = parse("schema", "--dot", "graph.dot");
        assertEquals("graph.dot", toFile.dot);
        assertEquals("1.0", ((Commands.Upgrade) parse("upgrade", "--from", "1.0")).from);
        assertEquals("default_version", ((Commands.Get) parse("get", "default_version")).field);
    }

    @Test
    void initTakesAnOptionPerSupportedMajor() {
        CommandLine line = Main.commandLine(WORK);
        line.parseArgs("init", "--pg16", "/opt/pg16/bin/pg_config", "--pg15", "/usr/bin/pg_config");
        CommandLine.Model.CommandSpec init = line.getSubcommands().get("init").getCommandSpec();
        assertEquals(Path.of("/opt/pg16/bin/pg_config"), init.findOption("--pg16").getValue());
        assertEquals(Path.of("/usr/bin/pg_config"), init.findOption("--pg15").getValue());
    }

    @Test
    void mistakesSayWhatIsWrongAndWhereTheHelpIs() {
        assertUsageError("pgj: Unknown option: '--nope'", "see `pgj status --help`", "status", "--nope");
        assertUsageError("pgj: Unmatched argument at index 2: 'b'", "", "new", "a", "b");
        assertUsageError("pgj: Missing required parameter for option '-c' (SQL)", "", "run", "-c");
        assertUsageError("pgj: Missing required parameter for option '--from' (VERSION)", "", "upgrade", "--from");
        assertUsageError("'fifteen' is not a PostgreSQL major: write pg15 or 15 (or all)", "", "status", "fifteen");
        assertUsageError("pgj: Unknown options: '--pg14', '/x'", "--pg15", "init", "--pg14", "/x");
        assertUsageError("pgj: Unmatched argument at index 0: 'frobnicate'", "see `pgj --help` for the commands", "frobnicate");
        assertUsageError("pgj: Missing required parameter: 'FIELD'", "see `pgj get --help`", "get");
        assertUsageError("pgj: Unmatched argument at index 2: 'comment'", "", "get", "version", "comment");
    }

    /** pg_regress's defaults: the project's suite, which creates its extension; both can be changed. */
    @Test
    void regressTakesAnInputFolderAndCanCreateTheExtension() {
        Commands.Regress plain = parse("regress", "pg15", "hello");
        assertNull(plain.inputDir);
        assertEquals(false, plain.createExtension);
        assertEquals(List.of("hello"), Commands.Leading.of(plain.spec, plain.args, Integer.MAX_VALUE).rest());
        Commands.Regress other = parse("regress", "--inputdir", "../c/test", "--create-extension", "agg");
        assertEquals(Path.of("../c/test"), other.inputDir);
        assertTrue(other.createExtension);
        assertEquals(List.of("agg"), other.args);
    }

    @Test
    void testPassesWhatFollowsTheDoubleDashToMaven() {
        Commands.Test test = parse("test", "pg15", "--", "-Dtest=X", "-q");
        assertEquals(List.of("pg15", "-Dtest=X", "-q"), test.args);
    }

    @Test
    void debugTakesAPortBesideTheSessionsTarget() {
        Commands.Debug debug = parse("debug", "pg15", "mydb", "--port", "5123", "-c", "select 1");
        Commands.Leading target = Commands.Leading.of(debug.spec, debug.args, 1);
        assertEquals("pg15", target.pg());
        assertEquals("mydb", target.first());
        assertEquals(5123, debug.port);
        assertEquals(List.of("-c", "select 1"), debug.sql);
        assertEquals(5005, ((Commands.Debug) parse("debug")).port, "the JDWP port IDEs default to");
    }

    @Test
    void profileTakesSqlAndAnOutput() {
        Commands.Profile profile = parse("profile", "mydb", "-c", "select f()", "-o", "graph.html");
        assertEquals("mydb", Commands.Leading.of(profile.spec, profile.args, 1).first());
        assertEquals(List.of("-c", "select f()"), profile.sql);
        assertEquals(Path.of("graph.html"), profile.output);
        assertNull(((Commands.Profile) parse("profile")).output, "the default is chosen by the command");
    }

    @Test
    void everyCommandHasHelp() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(List.of("--help"), WORK, new PrintWriter(out), new PrintWriter(new StringWriter())));
        for (String command : new String[] {"new", "init", "run", "start", "stop", "status", "connect", "debug", "profile", "install", "package",
                "schema", "test", "regress", "info", "upgrade"}) {
            assertTrue(out.toString().contains("\n  " + command + " "), command + " is in the help:\n" + out);
            StringWriter help = new StringWriter();
            assertEquals(0, Main.run(List.of(command, "--help"), WORK, new PrintWriter(help), new PrintWriter(new StringWriter())));
            assertTrue(help.toString().startsWith("Usage: pgj " + command), help.toString());
        }
        assertTrue(out.toString().contains("PGJ_DEV_PORT_BASE"), out.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T parse(String... args) {
        CommandLine.ParseResult result = Main.commandLine(WORK).parseArgs(args);
        return (T) result.subcommand().commandSpec().userObject();
    }

    private static void assertUsageError(String message, String hint, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(List.of(args), WORK, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertTrue(err.toString().contains(hint), err.toString());
    }
}
