package org.pgj.internal.classloading;

/**
 * Target of rewritten {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * calls in extension code: exiting would kill the backend without PostgreSQL's cleanup, so
 * the call becomes an error that ends the statement instead.
 */
public final class ExitInterceptor {
    private ExitInterceptor() {
    }

    public static void exit(int status) {
        throw new SystemExitError(status);
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new SystemExitError(status);
    }

    /** An Error so that {@code catch (Exception e)} does not turn an exit into a normal return. */
    public static final class SystemExitError extends Error {
        SystemExitError(int status) {
            super("System.exit(" + status + ") was called inside PostgreSQL; the backend cannot exit, so the statement fails instead");
        }
    }
}
