package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL default of a parameter: {@code @Default("42") int step} becomes {@code step integer
 * DEFAULT 42}, so callers may leave it out. The value is a SQL expression, written as in SQL:
 * a string is {@code @Default("'hello'")}. As SQL requires, every parameter after one with a
 * default has one too. The processor checks literals against the parameter's type where it
 * can (numbers, booleans, NULL).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Default {
    String value();
}
