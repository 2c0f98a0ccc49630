package org.pgj.examples.spi;

import java.util.ArrayList;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.PgFunction;
import org.pgj.hooks.Transactions;

/** Transaction callbacks: notes taken when the work done so far commits or rolls back. */
public final class TransactionNotes {
    /** This backend's notes, in the order the callbacks ran. */
    private static final List<String> NOTES = new ArrayList<>();

    private TransactionNotes() {
    }

    @PgFunction
    public static void noteOnCommit(String note) {
        Transactions.onCommit(() -> NOTES.add("commit " + note));
    }

    @PgFunction
    public static void noteOnRollback(String note) {
        Transactions.onRollback(() -> NOTES.add("rollback " + note));
    }

    /** Makes the commit of the current transaction fail, with this reason. */
    @PgFunction
    public static void vetoCommit(String reason) {
        Transactions.beforeCommit(() -> {
            throw new PgException(SqlState.CHECK_VIOLATION, "commit vetoed: " + reason);
        });
    }

    /** A callback that fails after the commit: a WARNING, and the commit stands. */
    @PgFunction
    public static void failAfterCommit() {
        Transactions.onCommit(() -> {
            throw new IllegalStateException("too late to fail");
        });
    }

    /** The notes so far, which it then forgets. */
    @PgFunction
    public static String[] takeNotes() {
        String[] notes = NOTES.toArray(String[]::new);
        NOTES.clear();
        return notes;
    }
}
