package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link PgFunction} an operator: a binary one for two parameters, a prefix one for
 * one. The install script adds {@code CREATE OPERATOR} after the function. The optional
 * attributes are those of {@code CREATE OPERATOR}; empty ones are left out.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgOperator {
    /** The operator's symbol, e.g. {@code "+++"}: characters of {@code + - * / < > = ~ ! @ # % ^ & | ` ?}. */
    String value();

    /** The operator that gives the same result with its operands swapped (may be this one). */
    String commutator() default "";

    /** The operator whose result is always the opposite (for boolean operators). */
    String negator() default "";

    /** Restriction selectivity estimator, e.g. {@code eqsel}. */
    String restrict() default "";

    /** Join selectivity estimator, e.g. {@code eqjoinsel}. */
    String join() default "";

    /** The operator can do hash joins (it is an equality whose equal inputs hash alike). */
    boolean hashes() default false;

    /** The operator can do merge joins (it is an equality of a sortable type). */
    boolean merges() default false;
}
