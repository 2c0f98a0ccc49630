package org.pgj.internal.nativecall;

import org.pgj.errors.PgInterrupt;
import org.pgj.errors.SqlState;

/**
 * The errors that stop Java code on a cancel, a timeout, a termination or the postmaster's death,
 * by the kinds pgj-native numbers them (PGJ_INTERRUPT_*). They only unwind Java: once Java has
 * returned, the server raises its own error (or FATAL), with its own message.
 */
public final class Interrupts {
    static final int NONE = 0;
    private static final int CANCEL = Facts.getInt("PGJ_INTERRUPT_CANCEL");
    private static final int POSTMASTER_DIED = Facts.getInt("PGJ_INTERRUPT_POSTMASTER_DIED");

    private Interrupts() {
    }

    public static PgInterrupt of(int kind) {
        if (kind == CANCEL) {
            return new PgInterrupt(SqlState.QUERY_CANCELED, "canceling statement");
        }
        if (kind == POSTMASTER_DIED) {
            return new PgInterrupt(SqlState.ADMIN_SHUTDOWN, "terminating connection due to unexpected postmaster exit");
        }
        return new PgInterrupt(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
    }
}
