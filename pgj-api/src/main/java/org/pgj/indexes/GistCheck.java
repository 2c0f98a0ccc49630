package org.pgj.indexes;

/**
 * What a GiST consistent or distance function ({@link GistSupport.Role#CONSISTENT},
 * {@link GistSupport.Role#DISTANCE}) may learn and say besides its answer: whether the key is a
 * leaf's, and whether the server rechecks the row. Valid only during the call it was passed to.
 */
public interface GistCheck {
    /** Whether the key is a leaf entry's (one row's) rather than an inner entry's (a subtree's). */
    boolean leaf();

    /**
     * Whether the server rechecks the row with the operator. A consistent function's answer is
     * rechecked until it says {@code recheck(false)}; a distance is exact until it says
     * {@code recheck(true)}, which makes it a lower bound the server recomputes with the operator.
     */
    void recheck(boolean recheck);
}
