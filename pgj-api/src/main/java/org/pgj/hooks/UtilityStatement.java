package org.pgj.hooks;

/**
 * A utility statement (DDL, VACUUM, SET, ...) as the ProcessUtility hook sees it; valid while the
 * hook runs (afterwards, each method throws IllegalStateException). pgj implements it.
 */
public interface UtilityStatement {
    /** The text of the statement (or of the whole query string it is part of). */
    String queryString();

    /** The server's command tag, e.g. {@code CREATE TABLE} or {@code VACUUM}. */
    String commandTag();

    /** Whether the client sent it, rather than a function or another statement. */
    boolean isTopLevel();
}
