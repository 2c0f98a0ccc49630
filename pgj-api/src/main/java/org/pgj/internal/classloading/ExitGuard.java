package org.pgj.internal.classloading;

/**
 * Refuses every route to JVM exit inside a backend: exiting would end the backend without
 * PostgreSQL's cleanup, and the postmaster would then restart every session. pgj-native
 * (exits.c) replaces the natives of {@code java.lang.Shutdown} that every exit and halt pass
 * through; they throw {@link #refusal()}'s error in the thread that tried.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Called by pgj-native through JNI. */
    static Throwable refusal() {
        return new SystemExitError();
    }

    /** An Error so that {@code catch (Exception e)} does not turn an exit into a normal return. */
    public static final class SystemExitError extends Error {
        SystemExitError() {
            super("System.exit, Runtime.exit or Runtime.halt was called inside PostgreSQL (thread \""
                    + Thread.currentThread().getName() + "\"); a backend cannot exit, so this fails instead");
        }
    }
}
