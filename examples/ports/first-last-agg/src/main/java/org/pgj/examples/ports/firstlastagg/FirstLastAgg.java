package org.pgj.examples.ports.firstlastagg;

import org.pgj.functions.PgExtension;

/**
 * first_last_agg 0.1.4 ported from C: the aggregates {@code first()} and {@code last()}, of any
 * type, as {@link First} and {@link Last}. Its control file says what the original's does.
 */
@PgExtension(comment = "first() and last() aggregate functions", relocatable = true)
public final class FirstLastAgg {
    private FirstLastAgg() {
    }
}
