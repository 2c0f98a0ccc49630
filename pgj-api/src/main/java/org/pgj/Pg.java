package org.pgj;

import org.pgj.internal.nativecall.Server;

/**
 * The server, as Java code running inside a backend sees it: logging at every elog level
 * and interrupt checks. All methods must be called on the backend's thread.
 *
 * <pre>{@code
 * Pg.notice("processing " + n + " rows");
 * for (...) { Pg.checkForInterrupts(); ... }
 * }</pre>
 */
public final class Pg {
    private Pg() {
    }

    /** Reports {@code message} at {@code level}, exactly as PostgreSQL's own ereport would. */
    public static void log(LogLevel level, String message) {
        Server.log(level.serverLevel(), null, message, null, null);
    }

    /** Reports with a SQLSTATE, detail and hint (each may be null). */
    public static void log(LogLevel level, String sqlState, String message, String detail, String hint) {
        Server.log(level.serverLevel(), sqlState, message, detail, hint);
    }

    public static void debug(String message) {
        log(LogLevel.DEBUG1, message);
    }

    public static void log(String message) {
        log(LogLevel.LOG, message);
    }

    public static void info(String message) {
        log(LogLevel.INFO, message);
    }

    public static void notice(String message) {
        log(LogLevel.NOTICE, message);
    }

    public static void warning(String message) {
        log(LogLevel.WARNING, message);
    }

    /**
     * Stops a long loop on query cancel, {@code statement_timeout} or
     * {@code pg_terminate_backend}: throws {@link org.pgj.errors.PgInterrupt}, an
     * {@link Error} that {@code catch (Exception e)} does not catch. Costs a volatile load.
     */
    public static void checkForInterrupts() {
        Server.checkForInterrupts();
    }
}
