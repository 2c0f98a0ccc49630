package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;

/**
 * A postmaster running on a cluster under the pgj home: dev ({@code data-NN}), test, isolated,
 * bench or any other that pgj started. Found from the data folders themselves, so a server
 * whose command or settings were forgotten is still found.
 */
public record RunningServer(String name, Path dataDir, int major, int port, long pid) {

    /** Every running server whose data folder is directly under {@code pgjHome}, by name. */
    public static List<RunningServer> under(Path pgjHome) {
        List<RunningServer> running = new ArrayList<>();
        if (!Files.isDirectory(pgjHome)) {
            return running;
        }
        try (Stream<Path> dirs = Files.list(pgjHome)) {
            for (Path dir : dirs.sorted().toList()) {
                at(dir).ifPresent(running::add);
            }
        } catch (IOException e) {
            throw new ToolException("cannot list " + pgjHome + " (" + e.getMessage() + "): check its permissions", e);
        }
        return running;
    }

    private static Optional<RunningServer> at(Path dir) {
        Path version = dir.resolve("PG_VERSION");
        PidFile pid = new PidFile(dir);
        if (!Files.isRegularFile(version)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = pid.process();
        if (process.isEmpty()) {
            return Optional.empty();
        }
        try {
            int major = Integer.parseInt(Files.readString(version).trim());
            int port = pid.port().isEmpty() ? 0 : Integer.parseInt(pid.port());
            return Optional.of(new RunningServer(dir.getFileName().toString(), dir, major, port, process.get().pid()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops it with {@code pg}'s pg_ctl (fast: open sessions are ended), under its start/stop lock. */
    public void stop(PgConfig pg, Progress p) {
        if (pg.major() != major) {
            throw new ToolException(dataDir + " is a PostgreSQL " + major + " cluster, not " + pg.major());
        }
        PrivateServer.of(pg, dataDir.getParent(), name, port).stop(p);
    }

    /** {@code data-15: PostgreSQL 15, port 28815, pid 1234, data /home/u/.pgj/data-15}. */
    public String describe() {
        return name + ": PostgreSQL " + major + ", port " + port + ", pid " + pid + ", data " + dataDir;
    }
}
