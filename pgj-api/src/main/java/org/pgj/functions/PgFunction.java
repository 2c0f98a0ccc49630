package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exports a public static method as a SQL function of the extension.
 *
 * <p>The annotation processor turns it into {@code CREATE FUNCTION ... LANGUAGE pgj_<ext>
 * AS '<class>.<method>(<param types>)'}. A function is STRICT unless one of its parameters can
 * hold NULL: a boxed primitive, an {@code Optional}, or a parameter marked {@link Nullable}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgFunction {
    /** SQL name; defaults to the method name in snake_case ({@code addOne} becomes {@code add_one}). */
    String name() default "";

    /** Schema to create the function in; empty means the extension's schema. */
    String schema() default "";

    Volatility volatility() default Volatility.VOLATILE;

    Strictness strict() default Strictness.INFER;

    Parallel parallel() default Parallel.UNSAFE;

    /** Planner cost in units of cpu_operator_cost; a negative value keeps PostgreSQL's default. */
    double cost() default -1;

    Security security() default Security.INVOKER;

    /**
     * When not empty, adds {@code SET search_path = <value>} to the function. The value is a
     * comma-separated list of schema names; each is double-quoted when it is not a plain lower-case
     * identifier (so {@code "pg_catalog, $user"} works), and items already quoted are kept as written.
     */
    String searchPath() default "";

    /**
     * Names of generated objects or {@link ExtensionSql} blocks that must come before this one. A
     * function in a schema is named with it ({@code util.add_one}); a name shared by overloads
     * waits for all of them.
     */
    String[] requires() default {};

    /**
     * {@code WINDOW}: a window function ({@code f(x) OVER (...)}). Its parameters get the current
     * row's arguments; {@link org.pgj.windows.WindowFrame#current()} reads the partition and the
     * frame around it.
     */
    boolean window() default false;
}
