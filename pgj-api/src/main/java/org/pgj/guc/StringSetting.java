package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@code String} setting; see {@link GucSettings}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StringSetting {
    /** The name after the prefix; defaults to the method's name in snake_case. */
    String name() default "";

    String defaultValue() default "";

    GucContext context() default GucContext.USER;

    String description();
}
