package org.pgj.hooks;

import org.pgj.internal.transactions.TransactionCallbacks;

/**
 * Code that runs when the work done so far is committed or rolled back, as pgrx's
 * {@code register_xact_callback}, with subtransactions taken into account: an action registered
 * inside a savepoint (or a PL/pgSQL exception block, or a pgj {@code Subtransaction}) follows the
 * fate of that subtransaction and of the transactions around it.
 *
 * <ul>
 * <li>{@link #onCommit}: after the top-level transaction commits, if the subtransaction it was
 *     registered in was not rolled back. Too late to fail: an exception is logged as a WARNING.
 * <li>{@link #onRollback}: when the subtransaction it was registered in, or a transaction
 *     around it, rolls back. An exception is logged as a WARNING.
 * <li>{@link #beforeCommit}: just before the top-level transaction commits, while it can still
 *     fail: an exception aborts the commit with that error.
 * </ul>
 * Each action runs at most once, on the backend's thread; all are forgotten when the transaction
 * ends. They cannot run SQL once the transaction has ended (onCommit, onRollback).
 *
 * <p>{@link #onSubtransactions} is pgrx's {@code register_subxact_callback}: a listener told of
 * every subtransaction's start, release and rollback until the top-level transaction ends.
 */
public final class Transactions {
    private Transactions() {
    }

    public static void onCommit(Runnable action) {
        TransactionCallbacks.register(TransactionCallbacks.Kind.COMMIT, action);
    }

    public static void onRollback(Runnable action) {
        TransactionCallbacks.register(TransactionCallbacks.Kind.ROLLBACK, action);
    }

    public static void beforeCommit(Runnable action) {
        TransactionCallbacks.register(TransactionCallbacks.Kind.BEFORE_COMMIT, action);
    }

    /**
     * Tells {@code listener} of each subtransaction event from now until the top-level
     * transaction ends (committed or rolled back, whatever happens to the subtransaction it was
     * registered in). A listener that throws on {@link SubtransactionEvent.Kind#BEFORE_COMMIT}
     * makes the release fail with that error (the subtransaction is then rolled back); on any
     * other event the exception is logged as a WARNING. A listener runs while the server is
     * starting or ending a subtransaction: it cannot open one ({@code Subtransaction.run} throws
     * IllegalStateException) and should not run SQL.
     */
    public static void onSubtransactions(SubtransactionListener listener) {
        TransactionCallbacks.listen(listener);
    }
}
