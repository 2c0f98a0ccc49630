package org.pgj.examples.safety;

import org.pgj.functions.PgFunction;

/** Java threads that outlive the call that started them, as an executor's workers do. */
public final class LingeringThreads {
    private LingeringThreads() {
    }

    /** Starts a thread that is not a daemon and runs until the backend ends; returns its name. */
    @PgFunction
    public static String startLingeringThread() {
        Thread thread = Thread.ofPlatform().name("lingering").start(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return thread.getName() + (thread.isDaemon() ? " (daemon)" : "");
    }
}
