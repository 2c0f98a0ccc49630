package org.pgj.guc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@code double} setting with bounds; see {@link GucSettings}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RealSetting {
    /** The name after the prefix; defaults to the method's name in snake_case. */
    String name() default "";

    double defaultValue();

    double min() default 0;

    double max() default Double.MAX_VALUE;

    GucContext context() default GucContext.USER;

    String description();
}
