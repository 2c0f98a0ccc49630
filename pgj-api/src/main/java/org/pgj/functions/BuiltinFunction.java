package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link PgFunction}, the server's own built-in function of this name runs it instead of
 * the method: {@code CREATE FUNCTION ... LANGUAGE internal AS 'int8eq'}, as a C extension borrows
 * {@code bigint}'s operators for a type stored as a {@code bigint}. The method's body stays what
 * Java code calls; it should compute what the built-in computes. The name must be one of
 * {@code pg_proc}'s {@code internal} functions ({@code SELECT prosrc FROM pg_proc WHERE prolang = 12}),
 * which {@code CREATE EXTENSION} checks.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BuiltinFunction {
    /** The built-in's C name ({@code prosrc}), such as {@code "int8eq"}. */
    String value();
}
