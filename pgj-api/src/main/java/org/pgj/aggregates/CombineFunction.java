package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Merges two partial states of a {@link PgAggregate} ({@code COMBINEFUNC}), so that the server
 * may aggregate in parallel: {@code S f(S a, S b)}, returning {@code a} merged with {@code b}
 * (changing {@code a} is fine). It is called only with two states: a NULL one is skipped.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CombineFunction {
}
