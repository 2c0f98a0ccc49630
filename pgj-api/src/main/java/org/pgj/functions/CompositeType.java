package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the SQL composite type of a Java record used as a parameter or result. Without it a
 * record maps to a type named after the record in snake_case ({@code LabelledPoint} becomes
 * {@code labelled_point}), which the install script creates with {@code CREATE TYPE ... AS
 * (...)}: one attribute per component, in order, named in snake_case.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CompositeType {
    /** SQL name of the type; empty means the record's simple name in snake_case. */
    String name() default "";

    /**
     * True when the type exists already (a table's row type, or a type created by
     * {@link ExtensionSql}): the install script then does not create it, and functions that use
     * it should name its creator in {@code requires}.
     */
    boolean existing() default false;
}
