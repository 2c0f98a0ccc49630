package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a one-parameter {@link PgFunction} a cast from its parameter's SQL type to its result's:
 * the install script adds {@code CREATE CAST (a AS b) WITH FUNCTION f(a)} after the function.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgCast {
    Context context() default Context.EXPLICIT;

    /** When the server may apply the cast by itself. */
    enum Context {
        /** Only when written: {@code CAST(x AS t)} or {@code x::t}. */
        EXPLICIT,
        /** Also when assigning to a column or variable of the target type ({@code AS ASSIGNMENT}). */
        ASSIGNMENT,
        /** Also in any expression ({@code AS IMPLICIT}). */
        IMPLICIT
    }
}
