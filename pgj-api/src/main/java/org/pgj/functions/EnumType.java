package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the SQL enum type of a Java enum used as a parameter, result or record component.
 * Without it an enum maps to a type named after the enum in snake_case ({@code TrafficLight}
 * becomes {@code traffic_light}), which the install script creates with {@code CREATE TYPE ...
 * AS ENUM}: one label per constant, spelled as the constant, in declaration order, so SQL
 * sorts the values as Java's {@code compareTo} does. Kept at run time: SPI sends an enum
 * argument as the type of this name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnumType {
    /** SQL name of the type; empty means the enum's simple name in snake_case. */
    String name() default "";

    /**
     * True when the type exists already (created by {@link ExtensionSql}, say): the install
     * script then does not create it. Its labels must then be spelled as the constants.
     */
    boolean existing() default false;
}
