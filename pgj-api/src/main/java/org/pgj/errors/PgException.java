package org.pgj.errors;

/**
 * A PostgreSQL error, in either direction.
 *
 * <p>Thrown by pgj when the server raises an ERROR while Java calls into it: it carries the
 * server's SQLSTATE, message, detail, hint and context. Left uncaught, the original server
 * error is re-raised unchanged once the Java frames have returned. To catch it and carry on,
 * run the failing code in {@link Subtransaction}.
 *
 * <p>Thrown by user code, it becomes an ERROR with the given SQLSTATE, message, detail and
 * hint.
 */
public class PgException extends RuntimeException {
    private final String sqlState;
    private final String detail;
    private final String hint;
    private final String context;

    public PgException(String sqlState, String message) {
        this(sqlState, message, null, null);
    }

    public PgException(String sqlState, String message, String detail, String hint) {
        this(sqlState, message, detail, hint, null, null);
    }

    public PgException(String sqlState, String message, String detail, String hint, String context,
            Throwable cause) {
        super(message, cause);
        this.sqlState = SqlState.requireValid(sqlState);
        this.detail = detail;
        this.hint = hint;
        this.context = context;
    }

    /** Five-character SQLSTATE, e.g. {@code "22012"}. */
    public String sqlState() {
        return sqlState;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** The server's CONTEXT lines, when the error came from the server. */
    public String context() {
        return context;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": [" + sqlState + "] " + getMessage();
    }
}
