package org.pgj.test;

/**
 * Setting up the test server failed; every {@link PgjTest} class of the run fails with it. The
 * message says what is wrong and what to do (it is pgj-tooling's, where that failed).
 */
final class TestSetupException extends RuntimeException {
    TestSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
