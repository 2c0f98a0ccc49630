package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns a Java-object state of a {@link PgAggregate} into bytes ({@code SERIALFUNC}), to send a
 * partial state from a parallel worker: {@code byte[] f(S state)}.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SerialFunction {
}
