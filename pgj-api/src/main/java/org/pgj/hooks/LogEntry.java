package org.pgj.hooks;

/**
 * A log entry on its way out ({@link QueryHooks#emitLog}): its level, SQLSTATE and message,
 * which a hook may change, and whether it goes to the server log and the client, which a hook
 * may stop. Valid only while the hook runs.
 */
public interface LogEntry {
    /** The server's level number (elevel): WARNING is 19, ERROR 21 on PostgreSQL 15 to 18. */
    int level();

    /** The SQLSTATE, e.g. {@code 01000}. */
    String sqlState();

    String message();

    void setMessage(String message);

    /** Whether it goes to the server log. */
    boolean toServerLog();

    /** Whether it goes to the client. */
    boolean toClient();

    /** Keeps the entry out of the server log and from the client. */
    void suppress();
}
