package org.pgj.internal.nativecall;

/**
 * The backend's own thread: the only one that may call PostgreSQL. A call from any other
 * thread gets a {@link WrongThreadException}, never a crash.
 */
public final class Backend {
    private static volatile Thread thread;

    private Backend() {
    }

    public static void bind(Thread backendThread) {
        thread = backendThread;
    }

    /** True once the JVM has booted inside a backend. */
    public static boolean isRunning() {
        return thread != null;
    }

    public static boolean isBackendThread() {
        return Thread.currentThread() == thread;
    }

    public static void checkThread() {
        if (Thread.currentThread() != thread) {
            throw wrongThread();
        }
    }

    static WrongThreadException wrongThread() {
        if (thread == null) {
            return new WrongThreadException(
                    "pgj's server API works only inside a PostgreSQL backend (this JVM is not running in one)");
        }
        return new WrongThreadException("PostgreSQL can only be called from the backend's own thread ("
                + thread.getName() + "), not from " + Thread.currentThread().getName()
                + "; hand the work back to that thread, e.g. through a queue it drains");
    }
}
