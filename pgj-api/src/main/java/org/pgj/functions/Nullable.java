package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a reference-typed parameter ({@code String}, {@code byte[]}, {@code LocalDate}, ...) as able to receive SQL
 * NULL. Kept at run time: the runtime refuses NULL for an unmarked parameter of a function
 * that is not strict.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Nullable {
}
