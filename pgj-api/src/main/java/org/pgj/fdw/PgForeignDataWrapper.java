package org.pgj.fdw;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public class with a public no-argument constructor that implements
 * {@link ForeignDataWrapper}: the extension's install script creates the wrapper with its
 * handler and validator,
 * {@code CREATE FOREIGN DATA WRAPPER <name> HANDLER <name>_handler VALIDATOR <name>_validator}.
 * Users then write {@code CREATE SERVER}, {@code CREATE USER MAPPING} and
 * {@code CREATE FOREIGN TABLE} as with any wrapper. One instance per backend.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PgForeignDataWrapper {
    /** The wrapper's SQL name; by default the class's simple name in snake case. */
    String name() default "";
}
