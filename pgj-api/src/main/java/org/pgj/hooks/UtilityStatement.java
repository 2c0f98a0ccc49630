package org.pgj.hooks;

/** A utility statement (DDL, VACUUM, SET, ...) as the ProcessUtility hook sees it; valid while the hook runs. */
public final class UtilityStatement extends HookCall {
    UtilityStatement(long call) {
        super(call);
    }

    /** The text of the statement (or of the whole query string it is part of). */
    public String queryString() {
        return sourceTextValue();
    }

    /** The server's command tag, e.g. {@code CREATE TABLE} or {@code VACUUM}. */
    public String commandTag() {
        return commandTagText();
    }

    /** Whether the client sent it, rather than a function or another statement. */
    public boolean isTopLevel() {
        return topLevelValue();
    }
}
