package org.pgj.errors;

/**
 * A query cancel, statement timeout or backend termination.
 *
 * <p>An {@link Error}, not an {@link Exception}, so that {@code catch (Exception e)} in user
 * code cannot swallow it: the statement must stop. pgj lets the server raise the real cancel
 * or termination once the Java frames have returned.
 */
public final class PgInterrupt extends Error {
    private final String sqlState;

    public PgInterrupt(String sqlState, String message) {
        super(message);
        this.sqlState = SqlState.requireValid(sqlState);
    }

    public String sqlState() {
        return sqlState;
    }
}
