package org.pgj.tooling.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.server.PrivateServer;

/**
 * psql on a private server, attached to this terminal: interactive without SQL, or running
 * {@code -c} commands and {@code -f} files in order and exiting (the non-interactive form of
 * run and connect, for scripts and tests).
 */
public final class Psql {
    private Psql() {
    }

    /**
     * @param sql pairs as psql takes them: {@code -c <command>} or {@code -f <file>}; empty for an interactive session
     * @return psql's exit code (non-interactive runs stop at the first error: ON_ERROR_STOP)
     */
    public static int session(PrivateServer server, String database, List<String> sql, Path workDir) {
        return session(server, database, sql, workDir, Map.of());
    }

    /** The same with {@code env} added to psql's environment (PGOPTIONS for the session's settings). */
    public static int session(PrivateServer server, String database, List<String> sql, Path workDir, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(server.pgConfig().bindir().resolve("psql").toString(),
                "-h", "localhost", "-p", Integer.toString(server.port()), "-U", "postgres", "-d", database));
        if (!sql.isEmpty()) {
            command.addAll(List.of("-X", "-v", "ON_ERROR_STOP=1", "-P", "pager=off"));
            for (int i = 0; i < sql.size(); i += 2) {
                String option = sql.get(i);
                String value = sql.get(i + 1);
                if (option.equals("-f")) {
                    Path file = workDir.resolve(value).toAbsolutePath().normalize();
                    if (!Files.isRegularFile(file)) {
                        throw new ToolException("no SQL file " + file + ": check the path given to -f");
                    }
                    value = file.toString();
                } else if (!option.equals("-c")) {
                    throw new IllegalArgumentException("not a psql script option: " + option);
                }
                command.add(option);
                command.add(value);
            }
        }
        return Exec.interactive(command, workDir, env);
    }
}
