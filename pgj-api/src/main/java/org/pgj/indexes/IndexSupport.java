package org.pgj.indexes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A support function of a btree or hash {@link PgOperatorClass}, written in Java: pgj declares the
 * method as an ordinary function over the class's type, IMMUTABLE STRICT PARALLEL SAFE, and makes
 * it the class's {@code FUNCTION n}. With {@code V} the Java type of the class's type:
 *
 * <table>
 * <caption>Support functions by index method and number</caption>
 * <tr><th>method</th><th>number</th><th>method shape</th></tr>
 * <tr><td>btree</td><td>1</td><td>{@code int compare(V a, V b)}: negative, zero or positive, in the
 *     order of the class's operators</td></tr>
 * <tr><td>hash</td><td>1</td><td>{@code int hash(V value)}: equal values (by the class's {@code =}) hash alike</td></tr>
 * <tr><td>hash</td><td>2</td><td>{@code long hash(V value, long seed)}: the same with a seed; 0 must give
 *     {@code hash(value)} widened</td></tr>
 * </table>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IndexSupport {
    /** The support function number, {@code FUNCTION n} in {@code CREATE OPERATOR CLASS}. */
    int value();

    /** SQL name; by default the operator class's name and the number's role, {@code int_ops_compare}. */
    String name() default "";
}
