package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting whose values are the constants of the method's enum return type, written in lower
 * case in SQL ({@code SET x.mode = 'fast'} for {@code Mode.FAST}); see {@link GucSettings}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EnumSetting {
    /** The name after the prefix; defaults to the method's name in snake_case. */
    String name() default "";

    /** The default constant's name, e.g. {@code "FAST"}. */
    String defaultValue();

    GucContext context() default GucContext.USER;

    String description();

    /**
     * A static method of the interface that checks a new value before the server takes it:
     * {@code static void check(T value)}, which refuses by throwing. The server then refuses the
     * value with its own 22023 and the exception's message as DETAIL. See {@link GucSettings}.
     */
    String check() default "";

    /** A static method {@code static void assign(T value)} told of each new value once it is set. */
    String assign() default "";

    /** A static method {@code static String show(T value)} that gives the value as SHOW displays it. */
    String show() default "";
}
