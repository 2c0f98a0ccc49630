package org.pgj.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public static method an event trigger of the extension: {@code CREATE FUNCTION
 * name() RETURNS event_trigger LANGUAGE pgj_<ext>} and {@code CREATE EVENT TRIGGER name ON
 * event [WHEN TAG IN (tags)] EXECUTE FUNCTION name()}, which {@code DROP EXTENSION} drops. The
 * method takes one {@link EventTrigger} and returns void; throwing makes the command fail.
 * Creating the extension then needs a superuser, as any event trigger does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PgEventTrigger {
    EventTriggerEvent event();

    /** Command tags that fire it ({@code "CREATE TABLE"}); empty for every command of the event. */
    String[] tags() default {};

    /** SQL name of the function and of the event trigger; defaults to the method name in snake_case. */
    String name() default "";

    /** As {@link org.pgj.functions.PgFunction#requires()}: objects that must come before this one. */
    String[] requires() default {};
}
