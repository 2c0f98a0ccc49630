package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.pgj.tooling.Exec;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.progress.Progress;
import org.pgj.tooling.progress.ProgressStep;

/**
 * A private cluster's server process, driven with pg_ctl as the server user and observed through
 * its postmaster.pid: start, stop, reload, and the leftovers of a postmaster that was killed.
 */
final class Postmaster {
    private static final int TIMEOUT_SECONDS = 120;

    private final PgConfig pg;
    private final ServerHome home;
    private final ServerUser user;

    Postmaster(PgConfig pg, ServerHome home, ServerUser user) {
        this.pg = pg;
        this.home = home;
        this.user = user;
    }

    private Path pidFile() {
        return pidFileOf().file();
    }

    private PidFile pidFileOf() {
        return new PidFile(home.dataDir());
    }

    /** The running postmaster, if any: postmaster.pid names a live process. */
    Optional<ProcessHandle> process() {
        return pidFileOf().process();
    }

    boolean isRunning() {
        return process().isPresent();
    }

    /** The port the running postmaster listens on, as its postmaster.pid says ("" if unknown). */
    String runningPort() {
        return pidFileOf().port();
    }

    private List<String> pidFileLines() {
        return pidFileOf().lines();
    }

    /** Removes the postmaster.pid of a postmaster that ended without cleaning up, once it is reaped. */
    void removeStalePid(Progress p) {
        List<String> lines = pidFileLines();
        if (lines.isEmpty() || isRunning()) {
            return;
        }
        awaitReaped(lines.get(0).trim(), p);
        try {
            Files.deleteIfExists(pidFile());
            p.step("removed stale " + pidFile() + " (pid " + lines.get(0).trim() + " is not running)");
        } catch (IOException e) {
            throw new ToolException("cannot remove the stale " + pidFile() + " (" + e.getMessage() + "): delete it by hand", e);
        }
    }

    /**
     * A postmaster that was killed outright stays a zombie until its new parent reaps it, and the
     * server refuses to start while its lock files name a process that exists: wait for that.
     */
    private void awaitReaped(String pid, Progress p) {
        Optional<ProcessHandle> old;
        try {
            old = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return;
        }
        if (old.isEmpty() || !old.get().isAlive()) {
            return;
        }
        p.step("waiting for the previous postmaster (pid " + pid + "), which ended without cleaning up, to be reaped");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (old.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new ToolException("the previous postmaster of " + home.dataDir() + " (pid " + pid + ") ended but was not reaped"
                        + " within " + TIMEOUT_SECONDS + " s, and PostgreSQL will not start while it exists: wait, or"
                        + " end its parent process");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ToolException("interrupted while waiting for the previous postmaster to be reaped", e);
            }
        }
    }

    /** Starts the server from {@code binary} (the private installation's, so its share and lib folders are the private ones). */
    void start(Path binary, int port, Progress p) {
        ServerLog log = home.log();
        try (ProgressStep step = p.begin("starting PostgreSQL " + pg.version() + " on port " + port + " (data " + home.dataDir() + ")")) {
            Exec.Result r = pgCtl(List.of("start", "-D", home.dataDir().toString(), "-l", log.file().toString(), "-p",
                    binary.toString(), "-w", "-t", Integer.toString(TIMEOUT_SECONDS)), TIMEOUT_SECONDS + 10);
            if (!r.ok()) {
                throw new ToolException("PostgreSQL " + pg.major() + " did not start on port " + port + " (pg_ctl exit "
                        + r.exitCode() + "): " + r.tail(5) + "\nlast 20 lines of " + log.file() + ":\n"
                        + String.join("\n", log.lastLines(20)) + "\nfix the cause above (pgj's settings are in "
                        + home.configFile() + "), or delete " + home.dataDir() + " to start from a fresh cluster");
            }
            step.done("PostgreSQL " + pg.major() + " is running on port " + port);
        }
    }

    /** Stops a running server (fast: open sessions are ended); does nothing if none runs. */
    void stop(Progress p) {
        if (!isRunning()) {
            return;
        }
        p.step("stopping PostgreSQL " + pg.major() + " in " + home.dataDir() + " ...");
        Exec.Result r = pgCtl(List.of("stop", "-D", home.dataDir().toString(), "-m", "fast", "-w", "-t",
                Integer.toString(TIMEOUT_SECONDS)), TIMEOUT_SECONDS + 10);
        if (!r.ok()) {
            ServerLog log = home.log();
            throw new ToolException("cannot stop the server in " + home.dataDir() + " (pg_ctl exit " + r.exitCode() + "): "
                    + r.tail(5) + "\nlast lines of " + log.file() + ":\n" + String.join("\n", log.lastLines(20))
                    + "\nstop it by hand: " + pg.bindir().resolve("pg_ctl") + " stop -D " + home.dataDir() + " -m immediate");
        }
        p.step("stopped PostgreSQL " + pg.major() + " in " + home.dataDir());
    }

    /** Makes a running server read its settings again; {@code setting} names what needs it, for the error. */
    void reload(String setting) {
        Exec.Result r = pgCtl(List.of("reload", "-D", home.dataDir().toString()), 30);
        if (!r.ok()) {
            throw new ToolException("cannot reload the server in " + home.dataDir() + ": " + r.tail(5)
                    + "\ncall restart() to apply " + setting);
        }
    }

    private Exec.Result pgCtl(List<String> arguments, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(pg.bindir().resolve("pg_ctl").toString());
        command.addAll(arguments);
        return Exec.run(user.wrap(command), home.home(), Map.of(), timeoutSeconds);
    }
}
