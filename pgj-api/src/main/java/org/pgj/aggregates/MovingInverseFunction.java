package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes a row out of the moving state of a {@link PgAggregate} as the window frame's start
 * moves past it ({@code MINVFUNC}): {@code M f(M state, args...)}. Returning null tells the
 * server that it cannot, and it aggregates the frame again from scratch.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MovingInverseFunction {
}
