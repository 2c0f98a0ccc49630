package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exports a public static void method as a SQL procedure of the extension, run with
 * {@code CALL}.
 *
 * <p>The annotation processor turns it into {@code CREATE PROCEDURE ... LANGUAGE pgj_<ext>
 * AS '<class>.<method>(<param types>)'}. Unlike a function, a procedure called by a top-level
 * {@code CALL} may end transactions: {@link org.pgj.spi.SpiConnection#commit()} and
 * {@link org.pgj.spi.SpiConnection#rollback()} work there. Procedures are never strict: a
 * parameter that can receive NULL must be a box, an {@code Optional} or {@link Nullable}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgProcedure {
    /** SQL name; defaults to the method name in snake_case. */
    String name() default "";

    /** Schema to create the procedure in; empty means the extension's schema. */
    String schema() default "";

    Security security() default Security.INVOKER;

    /** As {@link PgFunction#searchPath()}: adds {@code SET search_path = <value>}. */
    String searchPath() default "";

    /** As {@link PgFunction#requires()}: objects that must come before this one. */
    String[] requires() default {};
}
