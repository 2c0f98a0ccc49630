package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a backend has used, all its threads (the JVM's compiler and VM threads with the
 * backend's own), in ns from each thread's {@code /proc/<pid>/task/<tid>/schedstat}. On a machine
 * other builds keep busy, a query's CPU time moves far less than its wall-clock time, which
 * includes the time the backend waited for a core. Linux only; NaN where it cannot be read.
 */
final class BackendCpu {
    private BackendCpu() {
    }

    static double ns(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToDouble(BackendCpu::threadNs).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // not Linux, another host's server, or the backend is gone
        }
    }

    /** The first field of schedstat: time spent on a CPU, in ns; 0 for a thread that ended meanwhile. */
    private static double threadNs(Path thread) {
        try {
            String line = Files.readString(thread.resolve("schedstat")).trim();
            return Double.parseDouble(line.substring(0, line.indexOf(' ')));
        } catch (IOException e) {
            return 0;
        }
    }
}
