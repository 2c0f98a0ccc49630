package org.pgj.test;

/**
 * An exception from an in-backend test whose class the test JVM cannot recreate; its message
 * starts with the backend's class name, and its stack trace is the backend's.
 */
public final class BackendException extends RuntimeException {
    BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
