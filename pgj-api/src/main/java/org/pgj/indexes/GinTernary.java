package org.pgj.indexes;

/** The three-valued logic of a GIN tri-consistent function: {@code GIN_FALSE}, {@code GIN_TRUE}, {@code GIN_MAYBE}. */
public enum GinTernary {
    /** Does not match (for a key: the item does not have it). */
    FALSE,
    /** Matches (for a key: the item has it). */
    TRUE,
    /** Not known from the index: the row is rechecked with the operator (for a key: unknown). */
    MAYBE
}
