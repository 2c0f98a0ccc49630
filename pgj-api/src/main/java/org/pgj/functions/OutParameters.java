package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Returns a record as OUT parameters rather than as a composite type: a {@link PgFunction} whose
 * result is a record {@code Polar(double r, double theta)} becomes {@code f(..., OUT r double
 * precision, OUT theta double precision) RETURNS record}, one row of named columns, and the
 * install script creates no type for it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OutParameters {
}
