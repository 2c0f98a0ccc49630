package org.pgj.tooling;

/**
 * A failure the user can fix. The message always says what is wrong and what to do,
 * so callers (the Maven plugin, the launcher, pgj-test) show it as is, without a stack trace.
 */
public class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
