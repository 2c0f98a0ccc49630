package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The state transition of a {@link PgAggregate} ({@code SFUNC}): {@code S f(S state, args...)}
 * returns the state after one row. A Java-object state is null at the first row; the method
 * creates it, and may change and return the same object. A row with a NULL argument that the
 * parameter cannot hold (a primitive, a reference without {@code @Nullable}) is skipped, as
 * built-in aggregates skip NULL inputs.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StateFunction {
}
