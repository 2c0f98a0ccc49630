package org.pgj.hooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public class with a public no-argument constructor that implements
 * {@link QueryHooks}: the build writes it into the extension's runtime manifest, and pgj puts
 * it in the server's executor and utility hooks, as pgrx's {@code register_hook}. With
 * {@code shared_preload_libraries = 'pgj'} the hooks see every query of every backend; otherwise
 * those of the backends that have loaded pgj. One instance per backend.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PgHooks {
}
