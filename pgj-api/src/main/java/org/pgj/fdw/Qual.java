package org.pgj.fdw;

/**
 * A condition of the query on one column that a wrapper may apply itself: {@code column
 * operator value}, where the operator is one of {@code = <> < <= > >=}, {@code ~~} (LIKE) or
 * {@code !~~} (NOT LIKE) and the value is the constant's text form with its SQL type; or
 * {@code column IS NULL} / {@code IS NOT NULL}, with a null value. Text comparisons are offered only under
 * the default collation.
 */
public record Qual(int index, String column, String operator, String value, String valueType) {
    /** Whether this is an {@code IS [NOT] NULL} test. */
    public boolean isNullTest() {
        return value == null;
    }

    @Override
    public String toString() {
        return isNullTest() ? column + " " + operator : column + " " + operator + " '" + value.replace("'", "''") + "'";
    }
}
