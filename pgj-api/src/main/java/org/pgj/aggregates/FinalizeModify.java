package org.pgj.aggregates;

/**
 * {@code FINALFUNC_MODIFY}: what the final function does to the state, which decides whether
 * the server may call it again on the same state (window frames) or share the state between
 * aggregates.
 */
public enum FinalizeModify {
    /** PostgreSQL's default: READ_ONLY for a normal aggregate, READ_WRITE for an ordered-set one. */
    DEFAULT,
    /** It never changes the state. */
    READ_ONLY,
    /** It changes the state, but so that the same final function gives the same result again. */
    SHAREABLE,
    /** It changes the state: it is called once per state. */
    READ_WRITE
}
