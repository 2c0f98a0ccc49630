package org.pgj.test;

import java.lang.reflect.Constructor;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.pgj.test.backend.RemoteThrowable;

/**
 * Turns an in-backend test's failure back into a throwable the test JVM can throw: the same
 * class where it can (so an assumption still aborts, an assertion still fails, an IDE still
 * diffs expected and actual), always with the backend's stack trace.
 */
final class RemoteFailures {
    private RemoteFailures() {
    }

    /** {@code remote} as a local throwable; classes are looked up in {@code loader} (the test class's). */
    static Throwable toThrowable(RemoteThrowable remote, ClassLoader loader) {
        Throwable cause = remote.cause() == null ? null : toThrowable(remote.cause(), loader);
        Throwable t = recreate(remote, cause, loader);
        t.setStackTrace(remote.stackTrace().toArray(StackTraceElement[]::new));
        for (RemoteThrowable s : remote.suppressed()) {
            t.addSuppressed(toThrowable(s, loader));
        }
        return t;
    }

    private static Throwable recreate(RemoteThrowable r, Throwable cause, ClassLoader loader) {
        if (r.className().equals(AssertionFailedError.class.getName())) {
            return r.expected() != null && r.actual() != null
                    ? new AssertionFailedError(r.message(), r.expected(), r.actual(), cause)
                    : new AssertionFailedError(r.message(), cause);
        }
        Throwable same = sameClass(r, cause, loader);
        if (same != null) {
            return same;
        }
        // A class the test JVM cannot make with this message: keep its name in the message.
        String text = r.toString();
        return r.assertion() ? new AssertionFailedError(text, cause) : new BackendException(text, cause);
    }

    /** An instance of the remote class with the remote message, or null if there is no faithful one. */
    private static Throwable sameClass(RemoteThrowable r, Throwable cause, ClassLoader loader) {
        try {
            Class<?> c = Class.forName(r.className(), false, loader);
            if (!Throwable.class.isAssignableFrom(c)) {
                return null;
            }
            Throwable t;
            try {
                Constructor<?> withCause = c.getConstructor(String.class, Throwable.class);
                t = (Throwable) withCause.newInstance(r.message(), cause);
            } catch (NoSuchMethodException e) {
                t = (Throwable) c.getConstructor(String.class).newInstance(r.message());
                if (cause != null) {
                    try {
                        t.initCause(cause);
                    } catch (IllegalStateException alreadySet) {
                        // the constructor fixed the cause (to null); keep the remote one visible anyway
                        t.addSuppressed(cause);
                    }
                }
            }
            // Some classes decorate the message (or compute it); those would misreport it.
            return Objects.equals(t.getMessage(), r.message()) ? t : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
