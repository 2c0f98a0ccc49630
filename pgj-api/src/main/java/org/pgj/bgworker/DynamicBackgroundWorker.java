package org.pgj.bgworker;

import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.workers.Workers;

/**
 * A worker started with {@link BackgroundWorkerBuilder#loadDynamic()}. The handle lives as long
 * as the backend that started it, across transactions; only that backend's thread may use it.
 */
public final class DynamicBackgroundWorker {
    private final long handle;
    private final int notifyPid;
    private final String name;

    DynamicBackgroundWorker(long handle, int notifyPid, String name) {
        this.handle = handle;
        this.notifyPid = notifyPid;
        this.name = name;
    }

    /** The worker's name. */
    public String name() {
        return name;
    }

    /** {@link BackgroundWorkerStatus.Started} with the pid if it runs now; else why not. Does not wait. */
    public BackgroundWorkerStatus pid() {
        int[] pid = new int[1];
        return status(Workers.pid(handle, pid), pid[0]);
    }

    /**
     * Waits until the postmaster has tried to start the worker: {@link BackgroundWorkerStatus.Started}
     * with its pid, or {@link BackgroundWorkerStatus.Stopped} if it could not start, or
     * {@link BackgroundWorkerStatus.Untracked} when this backend is not the notify pid. A query
     * cancel interrupts the wait.
     */
    public BackgroundWorkerStatus waitForStartup() {
        if (!tracked()) {
            return new BackgroundWorkerStatus.Untracked(notifyPid);
        }
        int[] pid = new int[1];
        return status(Workers.waitForStartup(handle, pid), pid[0]);
    }

    /** Waits until the worker has exited: {@link BackgroundWorkerStatus.Stopped}, or why it cannot wait. */
    public BackgroundWorkerStatus waitForShutdown() {
        if (!tracked()) {
            return new BackgroundWorkerStatus.Untracked(notifyPid);
        }
        return status(Workers.waitForShutdown(handle), 0);
    }

    /**
     * Asks the postmaster to send SIGTERM to the worker and not to restart it. What is left is
     * waiting for it to stop.
     */
    public TerminatingDynamicBackgroundWorker terminate() {
        Workers.terminate(handle);
        return new TerminatingDynamicBackgroundWorker(this);
    }

    private boolean tracked() {
        return notifyPid == Workers.myProcPid();
    }

    static BackgroundWorkerStatus status(int code, int pid) {
        if (code == Facts.getInt("BGWH_STARTED")) {
            return new BackgroundWorkerStatus.Started(pid);
        }
        if (code == Facts.getInt("BGWH_NOT_YET_STARTED")) {
            return new BackgroundWorkerStatus.NotYetStarted();
        }
        if (code == Facts.getInt("BGWH_STOPPED")) {
            return new BackgroundWorkerStatus.Stopped();
        }
        return new BackgroundWorkerStatus.PostmasterDied();
    }

    @Override
    public String toString() {
        return "dynamic background worker \"" + name + "\"";
    }
}
