package org.pgj.indexes;

/** How GIN searches for a query ({@link GinQuery#searchMode}), as {@code GIN_SEARCH_MODE_*} in C. */
public enum GinSearchMode {
    /** Items that have at least one of the query's keys; a query without keys matches nothing. */
    DEFAULT,
    /** As DEFAULT, and items that have no keys at all as well. */
    INCLUDE_EMPTY,
    /** Every non-NULL item, keys or not: the consistent function (or the recheck) decides. */
    ALL
}
