package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@code boolean} setting; see {@link GucSettings}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BoolSetting {
    /** The name after the prefix; defaults to the method's name in snake_case. */
    String name() default "";

    boolean defaultValue();

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
