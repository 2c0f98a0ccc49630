package org.pgj.aggregates;

/** What kind of aggregate a {@link PgAggregate} is. */
public enum AggregateKind {
    /** {@code agg(x)}: the state function's parameters after the state are the arguments. */
    NORMAL,
    /**
     * {@code agg(direct) WITHIN GROUP (ORDER BY x)}: the state function takes the ordered
     * arguments, the final function the direct ones after the state. The rows arrive in no
     * particular order: the final function sorts what the state collected.
     */
    ORDERED_SET,
    /**
     * An ordered-set aggregate whose direct arguments are a hypothetical row of the ordered
     * ones, as in {@code rank(3) WITHIN GROUP (ORDER BY x)}: {@code HYPOTHETICAL}.
     */
    HYPOTHETICAL
}
