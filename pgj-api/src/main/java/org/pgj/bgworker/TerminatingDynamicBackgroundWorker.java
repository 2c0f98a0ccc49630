package org.pgj.bgworker;

/** A worker asked to stop by {@link DynamicBackgroundWorker#terminate()}: it can only be waited for. */
public final class TerminatingDynamicBackgroundWorker {
    private final DynamicBackgroundWorker worker;

    TerminatingDynamicBackgroundWorker(DynamicBackgroundWorker worker) {
        this.worker = worker;
    }

    /** See {@link DynamicBackgroundWorker#waitForShutdown()}. */
    public BackgroundWorkerStatus waitForShutdown() {
        return worker.waitForShutdown();
    }
}
