package org.pgj.tooling.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolException;

/**
 * Serializes start, stop and settings of one cluster: across processes (parallel builds, IDE and
 * CLI) with a file lock, and across threads first, because a JVM may hold a file lock only once.
 */
final class ClusterLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;

    private ClusterLock(ReentrantLock inProcess, FileChannel channel) {
        this.inProcess = inProcess;
        this.channel = channel;
    }

    /** Waits for and takes the lock of the cluster in {@code home}. */
    static ClusterLock acquire(ServerHome home) {
        Path lockFile = home.lockFile();
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        inProcess.lock();
        try {
            AtomicFiles.createReadableDirectories(home.home());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new ClusterLock(inProcess, channel);
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw new ToolException("cannot lock " + lockFile + " (" + e.getMessage()
                    + "): make " + home.home() + " writable, or set PGJ_HOME to a writable folder", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close(); // releases the file lock
        } catch (IOException ignored) {
            // nothing to recover
        } finally {
            inProcess.unlock();
        }
    }
}
