package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a backend has used so far, all its threads together (the JVM's compiler and collector
 * threads included, and those that have exited), from {@code /proc/<pid>/stat}'s utime and stime.
 * On two cores a JVM start costs CPU that 64 connections at once share: wall time alone hides it.
 * The kernel counts in clock ticks (USER_HZ, 100 per second on Linux): 10 ms steps, so compare medians.
 */
final class BackendCpu {
    private static final double MS_PER_TICK = 10.0;

    private BackendCpu() {
    }

    /**
     * The CPU time of {@code pid} once it has gone idle: what its query started on other threads
     * (the FFM linker, the JIT's compilations) goes on after the result has reached the client, and
     * counts as much in a storm. Polled until two reads 50 ms apart agree, for at most 2 s; null if
     * this process may not read the backend's stat.
     */
    static Double settledMs(long pid) {
        Double last = ms(pid);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (last != null && System.nanoTime() < deadline) {
            BenchRun.sleep(50);
            Double now = ms(pid);
            if (now == null || now.equals(last)) {
                break;
            }
            last = now;
        }
        return last;
    }

    /** User + system CPU of process {@code pid} in ms, or null if this process may not read its stat. */
    static Double ms(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * MS_PER_TICK;
    }

    /**
     * User + system CPU in ms of the children of process {@code pid} that have exited and been
     * waited for (cutime and cstime): a postmaster's backends gone with their connections, or the
     * commands this process ran.
     */
    static double childrenMs(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat (" + e.getMessage()
                    + "): run the bench as the server's user or root, on Linux", e);
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MS_PER_TICK;
    }
}
