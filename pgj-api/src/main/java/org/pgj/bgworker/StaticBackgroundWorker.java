package org.pgj.bgworker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a worker that starts with the server: put it on the entry point, a {@code public
 * static void} method taking an {@code int} (the argument) or nothing. The processor writes the
 * declaration into the extension's manifest; with {@code shared_preload_libraries = 'pgj'} the
 * postmaster registers it from there (no Java runs in the postmaster), and each worker starts
 * its own JVM.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface StaticBackgroundWorker {
    /** The worker's name; {@code %d} stands for the instance number (from 1). */
    String name();

    /** Shown as {@code backend_type}; defaults to the name. {@code %d} as in the name. */
    String type() default "";

    /** Defaults to RECOVERY_FINISHED, what a worker using SPI needs. */
    BgWorkerStartTime startTime() default BgWorkerStartTime.RECOVERY_FINISHED;

    /** Seconds before a failed worker is restarted; -1 (the default) for never. */
    int restartSeconds() default -1;

    /** Whether the worker connects to a database (implied by {@link #database()}). */
    boolean spiAccess() default false;

    /** A database to connect to before the entry point runs; empty: the worker connects itself. */
    String database() default "";

    /** The user for {@link #database()}; empty: the bootstrap superuser. */
    String user() default "";

    /** The argument; instance {@code i} (from 0) of several gets {@code argument + i}. */
    int argument() default 0;

    /** Up to 128 bytes of UTF-8 for {@link BackgroundWorker#getExtra()}. */
    String extra() default "";

    /** How many such workers to start. */
    int instances() default 1;

    /** An int setting of this extension holding the number of instances, read at server start. */
    String instancesSetting() default "";

    /**
     * A {@code public static void} method of the same class, without parameters, run once per
     * server start (and again after a crash restart) before any instance's entry point; the
     * other instances wait for it. Empty for none.
     */
    String shmemStartup() default "";
}
