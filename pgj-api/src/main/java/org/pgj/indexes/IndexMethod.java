package org.pgj.indexes;

/** The index access method of a {@link PgOperatorClass}, as {@code USING} names it. */
public enum IndexMethod {
    /** A generalized inverted index: items are split into keys ({@link GinSupport}). */
    GIN,
    /** A generalized search tree: keys that summarize their subtrees ({@link GistSupport}). */
    GIST,
    /** A B-tree: {@code FUNCTION 1} compares two values. */
    BTREE,
    /** A hash index: {@code FUNCTION 1} hashes a value. */
    HASH
}
