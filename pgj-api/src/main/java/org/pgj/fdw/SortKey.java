package org.pgj.fdw;

/** One key of the order the query wants: a column, ascending or descending, NULLs first or last. */
public record SortKey(String column, boolean descending, boolean nullsFirst) {
    @Override
    public String toString() {
        return column + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
