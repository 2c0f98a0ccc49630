package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Control-file fields of the extension. Optional: the name and version default to the
 * processor options {@code pgj.name} and {@code pgj.version}, which the build passes from the
 * Maven project. Put it on one class or on a package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface PgExtension {
    /** Extension name: lower-case letters, digits and underscores. */
    String name() default "";

    String comment() default "";

    /** Schema for a non-relocatable extension; empty leaves it to {@code CREATE EXTENSION}. */
    String schema() default "";

    boolean relocatable() default false;

    boolean superuser() default true;

    boolean trusted() default false;

    String[] requires() default {};
}
