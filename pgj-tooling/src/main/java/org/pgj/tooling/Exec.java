package org.pgj.tooling;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs (pg_config, make, initdb, pg_ctl, psql). Output goes to a temp file
 * rather than a pipe: pg_ctl leaves a postmaster behind that could otherwise hold the pipe open,
 * and make can print more than a pipe buffer holds.
 */
public final class Exec {
    /** A finished program: its command line, exit code and combined standard output and error. */
    public record Result(List<String> command, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The last {@code n} lines of the output, for error messages. */
        public String tail(int n) {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private Exec() {
    }

    public static Result run(List<String> command, Path workDir, Map<String, String> env, long timeoutSeconds) {
        return run(command, workDir, env, timeoutSeconds, null);
    }

    /** The same, reading standard input from {@code stdin} (null: nothing). */
    public static Result run(List<String> command, Path workDir, Map<String, String> env, long timeoutSeconds, Path stdin) {
        Path out = null;
        try {
            out = Files.createTempFile("pgj-exec", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null") : stdin.toFile()));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            Process process = pb.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ToolException("`" + String.join(" ", command) + "` did not finish within "
                        + timeoutSeconds + "s: check that the machine is not overloaded and run it by hand to see where it hangs");
            }
            return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ToolException("cannot run `" + command.get(0) + "` (" + e.getMessage()
                    + "): check that it is installed and executable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running `" + command.get(0) + "`: run the command again", e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    public static Result run(List<String> command, long timeoutSeconds) {
        return run(command, null, Map.of(), timeoutSeconds);
    }

    /** Runs with the terminal attached, for commands the user should see or answer (sudo, psql). */
    public static int interactive(List<String> command, Path workDir) {
        return interactive(command, workDir, Map.of());
    }

    /**
     * The same with extra environment variables. Standard input is the terminal, or whatever this
     * process reads, so scripts can pipe into psql.
     */
    public static int interactive(List<String> command, Path workDir, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            Process process = pb.start();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                throw e;
            }
        } catch (IOException e) {
            throw new ToolException("cannot run `" + command.get(0) + "` (" + e.getMessage()
                    + "): check that it is installed and executable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running `" + command.get(0) + "`: run the command again", e);
        }
    }

    /** The first executable called {@code name} on the given PATH value. */
    public static Optional<Path> onPath(String name, String pathValue) {
        if (pathValue == null) {
            return Optional.empty();
        }
        return Arrays.stream(pathValue.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    public static Optional<Path> onPath(String name) {
        return onPath(name, System.getenv("PATH"));
    }
}
