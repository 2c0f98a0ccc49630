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
}
