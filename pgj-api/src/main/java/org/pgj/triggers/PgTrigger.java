package org.pgj.triggers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pgj.functions.Security;

/**
 * Exports a public static method as a trigger function of the extension: {@code CREATE FUNCTION
 * name() RETURNS trigger LANGUAGE pgj_<ext>}. Attach it to a table or view with
 * {@code CREATE TRIGGER ... EXECUTE FUNCTION name(args)}, in an
 * {@link org.pgj.functions.ExtensionSql} block or in plain SQL.
 *
 * <p>The method takes one {@link Trigger} and returns:
 * <ul>
 * <li>a {@link TriggerRow}: the row the operation goes on with (usually {@link Trigger#newRow()},
 * possibly modified with {@link TriggerRow#set}); {@code null} skips the operation for this row,
 * as in a row-level {@code BEFORE} or {@code INSTEAD OF} trigger;</li>
 * <li>a record: the row built from its components, as a record maps to the table's row type
 * (component i is the i-th column);</li>
 * <li>{@code void}: the operation goes on with the row unchanged.</li>
 * </ul>
 * The server ignores what {@code AFTER} and statement-level triggers return.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgTrigger {
    /** SQL name; defaults to the method name in snake_case. */
    String name() default "";

    /** Schema to create the function in; empty means the extension's schema. */
    String schema() default "";

    Security security() default Security.INVOKER;

    /** As {@link org.pgj.functions.PgFunction#searchPath()}: adds {@code SET search_path = <value>}. */
    String searchPath() default "";

    /** As {@link org.pgj.functions.PgFunction#requires()}: objects that must come before this one. */
    String[] requires() default {};
}
