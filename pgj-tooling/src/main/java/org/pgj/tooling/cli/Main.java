package org.pgj.tooling.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.pgj.tooling.ToolException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The Java side of the {@code pgj} launcher: parses a command line (picocli, the commands in
 * {@link Commands}) and runs the pgj-tooling command, the same code the Maven goals run. Results go
 * to standard output, progress and errors to standard error; the exit code is the command's
 * (psql's, for run -c), 1 for a failure the command explains, 2 for a mistake in the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Path.of("").toAbsolutePath()));
    }

    static int run(List<String> argv, Path workDir) {
        return commandLine(workDir).execute(argv.toArray(String[]::new));
    }

    static int run(List<String> argv, Path workDir, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine(workDir);
        line.setOut(out);
        line.setErr(err);
        return line.execute(argv.toArray(String[]::new));
    }

    /** The whole command line: commands, their options and help, and how errors are shown. */
    static CommandLine commandLine(Path workDir) {
        CommandLine line = new CommandLine(new Commands.Pgj(workDir));
        line.setOverwrittenOptionsAllowed(true); // run -c A -c B: each -c is a script of its own, in order
        Commands.Init.addMajorOptions(line.getSubcommands().get("init"));
        line.setParameterExceptionHandler(Main::usageError);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof ToolException) {
                failed.getErr().println("pgj: " + e.getMessage());
                return 1;
            }
            if (e instanceof ParameterException usage) { // found by a command after parsing: a major, or one argument too many
                return usageError(usage, parsed.originalArgs().toArray(String[]::new));
            }
            throw e;
        });
        return line;
    }

    /** What is wrong, the command's synopsis, and where its help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("pgj: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.print(failed.getHelp().synopsis(0));
        }
        String command = failed.getCommandSpec().qualifiedName();
        err.println("see `" + command + " --help`" + (command.equals("pgj") ? " for the commands" : " for its options"));
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }
}
