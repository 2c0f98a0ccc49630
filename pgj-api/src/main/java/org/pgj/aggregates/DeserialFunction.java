package org.pgj.aggregates;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rebuilds a Java-object state of a {@link PgAggregate} from the bytes of its
 * {@link SerialFunction} ({@code DESERIALFUNC}): {@code S f(byte[] bytes)}.
 *
 * <p>Kept at run time: the runtime gives support functions the NULL handling of their role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DeserialFunction {
}
