package org.pgj.hooks;

/**
 * What happened to a subtransaction (a {@code SAVEPOINT}, a PL/pgSQL exception block, a pgj
 * {@code Subtransaction}), as the server's subtransaction callbacks see it.
 *
 * @param kind what happened
 * @param id the subtransaction's id, unique within its top-level transaction (the top level is 1)
 * @param parentId the id of the (sub)transaction it is nested in
 */
public record SubtransactionEvent(Kind kind, int id, int parentId) {
    /** The server's {@code SubXactEvent}s, in the order a subtransaction meets them. */
    public enum Kind {
        /** It has started. */
        START,
        /** It is about to be released into its parent: a listener may still refuse by throwing. */
        BEFORE_COMMIT,
        /** It was released; its work now follows its parent's fate. */
        COMMIT,
        /** It was rolled back. */
        ROLLBACK
    }
}
