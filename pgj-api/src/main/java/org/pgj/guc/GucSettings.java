package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An interface whose methods are an extension's settings. Each method carries one of
 * {@link BoolSetting}, {@link IntSetting}, {@link RealSetting}, {@link StringSetting} or
 * {@link EnumSetting}; the setting is {@code <prefix>.<name>}, the name defaulting to the method's
 * in snake_case. The processor writes them into the extension's manifest, from which the native
 * runtime defines them before any Java runs (postmaster settings need {@code
 * shared_preload_libraries = 'pgj'}). {@link Gucs#of} reads their current values.
 *
 * <p>A setting may name static methods of the interface as its hooks ({@code check},
 * {@code assign}, {@code show}), which take the setting's Java type. They run in Java in backends
 * where Java runs or can start (a {@code SET}, {@code set_config}, a role's or database's setting
 * applied in a session, a reload once Java runs); elsewhere (the postmaster, parallel workers,
 * the definition of the settings when pgj loads) a value is accepted as the server's bounds
 * allow, no assign runs and SHOW displays the plain value. They must not run SQL.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GucSettings {
    /** The settings' prefix, e.g. {@code "worker_spi"} for {@code worker_spi.naptime}. */
    String value();
}
