package org.pgj.examples.spi;

import java.util.ArrayList;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.errors.Subtransaction;
import org.pgj.functions.PgFunction;
import org.pgj.hooks.SubtransactionEvent;
import org.pgj.hooks.Transactions;

/** Transaction callbacks: notes taken when the work done so far commits or rolls back. */
public final class TransactionNotes {
    /** This backend's notes, in the order the callbacks ran. */
    private static final List<String> NOTES = new ArrayList<>();
    private static long started;

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

    /** Notes each subtransaction event until the transaction ends ("START 2 in 1", ...). */
    @PgFunction
    public static void noteSubtransactions() {
        Transactions.onSubtransactions(event -> NOTES.add(event.kind() + " " + event.id() + " in " + event.parentId()));
    }

    /** Makes every release of a savepoint in the current transaction fail, with this reason. */
    @PgFunction
    public static void refuseReleases(String reason) {
        Transactions.onSubtransactions(event -> {
            if (event.kind() == SubtransactionEvent.Kind.BEFORE_COMMIT) {
                throw new PgException(SqlState.INVALID_TRANSACTION_STATE, "release refused: " + reason);
            }
        });
    }

    /** A listener that tries to open a subtransaction, which it cannot: notes the refusal. */
    @PgFunction
    public static void nestSubtransactions() {
        Transactions.onSubtransactions(event -> {
            if (event.kind() == SubtransactionEvent.Kind.START) {
                try {
                    Subtransaction.run(() -> NOTES.add("nested in " + event.id()));
                } catch (IllegalStateException e) {
                    NOTES.add("refused in " + event.id());
                }
            }
        });
    }

    /** A listener that fails after the fact: a WARNING, and the subtransaction goes on. */
    @PgFunction
    public static void failOnSubtransactionStart() {
        Transactions.onSubtransactions(event -> {
            if (event.kind() == SubtransactionEvent.Kind.START) {
                throw new IllegalStateException("cannot watch this one");
            }
        });
    }

    /** Counts subtransaction starts until the transaction ends (a listener for long loops). */
    @PgFunction
    public static void countSubtransactions() {
        Transactions.onSubtransactions(event -> {
            if (event.kind() == SubtransactionEvent.Kind.START) {
                started++;
            }
        });
    }

    /** The subtransaction starts counted so far, which it then forgets. */
    @PgFunction
    public static long takeSubtransactionCount() {
        long n = started;
        started = 0;
        return n;
    }

    /** The notes so far, which it then forgets. */
    @PgFunction
    public static String[] takeNotes() {
        String[] notes = NOTES.toArray(String[]::new);
        NOTES.clear();
        return notes;
    }
}
