package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The result of a {@link PgAggregate} from its state ({@code FINALFUNC}): {@code R f(S state)},
 * or {@code R f(S state, direct args...)} for an ordered-set aggregate. Strict unless a
 * parameter can hold NULL: an aggregate over no rows (a NULL state) is then NULL.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FinalFunction {
}
