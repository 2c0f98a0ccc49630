package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The forward transition of a {@link PgAggregate} in a moving window frame ({@code MSFUNC}):
 * {@code M f(M state, args...)}, like {@link StateFunction}, with its own state type.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MovingStateFunction {
}
