package org.pgj.test.backend;

import java.util.List;

/**
 * A throwable as the backend saw it, rebuilt from {@link FailureText}: only names and strings,
 * because the test JVM may not be able to (or should not) instantiate the backend's classes.
 *
 * @param className   binary name of the throwable's class, e.g. {@code org.opentest4j.AssertionFailedError}
 * @param message     its message, or null
 * @param assertion   whether it was an {@link AssertionError} (a test failure rather than an error)
 * @param expected    opentest4j's expected value as a string, or null when not defined
 * @param actual      opentest4j's actual value as a string, or null when not defined
 * @param stackTrace  the backend's frames, without the test runner's
 * @param suppressed  its suppressed throwables
 * @param cause       its cause, or null
 */
public record RemoteThrowable(String className, String message, boolean assertion, String expected, String actual,
                              List<StackTraceElement> stackTrace, List<RemoteThrowable> suppressed,
                              RemoteThrowable cause) {
    public RemoteThrowable {
        stackTrace = List.copyOf(stackTrace);
        suppressed = List.copyOf(suppressed);
    }

    /** {@code class: message}, like {@link Throwable#toString()}. */
    @Override
    public String toString() {
        return message == null ? className : className + ": " + message;
    }
}
