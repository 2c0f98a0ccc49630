package org.pgj.bgworker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code public static void} method without parameters whose
 * {@link BackgroundWorkerBuilder#load()} calls declare static workers, like pgx's
 * {@code _PG_init}. No Java runs in the postmaster, so pgj runs the method when it builds the
 * extension (the {@code pgj:stage} goal) and writes the workers into its manifest; with
 * {@code shared_preload_libraries = 'pgj'} the server starts them. The method must not touch
 * the server: it runs outside it.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface StaticWorkerRegistration {
}
