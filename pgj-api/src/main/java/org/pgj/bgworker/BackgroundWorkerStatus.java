package org.pgj.bgworker;

/**
 * What the postmaster reports about a dynamic worker. Match on it:
 * {@code if (worker.waitForStartup() instanceof BackgroundWorkerStatus.Started(int pid)) ...}.
 */
public sealed interface BackgroundWorkerStatus {
    /** Running, as process {@code pid}. */
    record Started(int pid) implements BackgroundWorkerStatus {
    }

    /** Registered, and not started yet. */
    record NotYetStarted() implements BackgroundWorkerStatus {
    }

    /** Exited (or never started, e.g. it failed to fork) and will not run again. */
    record Stopped() implements BackgroundWorkerStatus {
    }

    /** The postmaster died, so nothing about the worker can be known. */
    record PostmasterDied() implements BackgroundWorkerStatus {
    }

    /**
     * The worker's notify pid ({@code notifyPid}) is not this backend, so the postmaster does not
     * signal it about the worker and waiting is impossible.
     */
    record Untracked(int notifyPid) implements BackgroundWorkerStatus {
    }
}
