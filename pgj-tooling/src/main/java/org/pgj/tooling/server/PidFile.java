package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A data folder's {@code postmaster.pid}: the postmaster's pid (line 1) and port (line 4), and
 * whether that process still runs. Read by the server's own commands and by the scan of every
 * server under the pgj home.
 */
final class PidFile {
    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("postmaster.pid");
    }

    Path file() {
        return file;
    }

    List<String> lines() {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The running postmaster, if any: the file names a live process. */
    Optional<ProcessHandle> process() {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(PidFile::isRunningProcess)
                    // A reboot can hand the old pid to another program; the command tells them apart.
                    .filter(h -> h.info().command().map(c -> c.contains("postgres") || c.contains("postmaster")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The port the postmaster listens on, as the file says ("" if unknown). */
    String port() {
        List<String> lines = lines();
        return lines.size() > 3 ? lines.get(3).trim() : "";
    }

    /**
     * Alive and not a zombie: a postmaster killed outright stays one until its new parent reaps
     * it, which in a container may take long or never happen.
     */
    private static boolean isRunningProcess(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            return !line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException noProcFileSystem) {
            return process.isAlive();
        }
    }
}
