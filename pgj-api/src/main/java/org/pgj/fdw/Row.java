package org.pgj.fdw;

/**
 * The row a {@link RowSource} fills: one value per needed column ({@link ForeignTable#neededColumns}),
 * by index in that list. A value is given as text that the column's type reads (its
 * {@code toString()} for other objects), or null for NULL; values left unset are NULL.
 */
public interface Row {
    /** The value of needed column {@code index}. */
    void set(int index, Object value);

    /** Where the row comes from ({@code "line 7 of /data/x.csv"}), for an error about one of its values. */
    void position(String where);
}
