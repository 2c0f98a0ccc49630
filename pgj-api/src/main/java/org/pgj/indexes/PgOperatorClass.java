package org.pgj.indexes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the class an operator class ({@code CREATE OPERATOR CLASS ... FOR TYPE t USING m}): the
 * operators an index of that method answers, by strategy number, and its support functions. For
 * {@link IndexMethod#GIN} the class's static methods marked {@link GinSupport} are the support
 * functions, written in Java, which pgj declares with the {@code internal} arguments GIN passes;
 * for {@link IndexMethod#GIST} the methods marked {@link GistSupport} are, likewise.
 * {@link #functions} names SQL functions that exist already (a built-in comparison, say).
 *
 * <pre>{@code
 * @PgOperatorClass(name = "word_ops", type = "text", storage = "text",
 *         operators = @IndexOperator(strategy = 1, operator = "@@@"))
 * public final class WordIndex { ... @GinSupport(GinSupport.Role.EXTRACT_VALUE) ... }
 * }</pre>
 *
 * <p>Kept at run time: the support functions read the types from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PgOperatorClass {
    /** SQL name; defaults to the class name in snake_case. */
    String name() default "";

    /** The index method, {@code USING gin} or {@code gist}. */
    IndexMethod method() default IndexMethod.GIN;

    /** {@code FOR TYPE}: the SQL type of the indexed column, as SQL names it ({@code "text"}, {@code "integer[]"}). */
    String type();

    /**
     * {@code STORAGE}: the SQL type of the keys a GIN or GiST index stores; by default {@link #type}.
     * A GiST class with a storage type makes keys of values with its {@link GistSupport.Role#COMPRESS} method.
     */
    String storage() default "";

    /**
     * The SQL type of the query, the right side of the operators; by default {@link #type}. For GiST,
     * an operator written with its argument types ({@code "<@(point, box)"}) names its own.
     */
    String queryType() default "";

    /** {@code DEFAULT}: an index on a column of {@link #type} uses this class when none is named. */
    boolean isDefault() default false;

    /** {@code OPERATOR n op}: the operators the index answers, by strategy number. */
    IndexOperator[] operators() default {};

    /**
     * {@code FUNCTION n name(types)}: support functions that exist in SQL already, such as
     * {@code bttextcmp(text, text)} as GIN's comparison of keys; the {@link GinSupport} and
     * {@link GistSupport} methods add theirs.
     */
    IndexFunction[] functions() default {};
}
