package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An {@code int} setting with bounds; see {@link GucSettings}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IntSetting {
    /** The name after the prefix; defaults to the method's name in snake_case. */
    String name() default "";

    int defaultValue();

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    GucContext context() default GucContext.USER;

    String description();
}
