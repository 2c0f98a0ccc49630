package org.pgj.hooks;

/**
 * Told of each subtransaction event of the current transaction: see
 * {@link Transactions#onSubtransactions}.
 */
@FunctionalInterface
public interface SubtransactionListener {
    void on(SubtransactionEvent event);
}
