package org.pgj.functions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link org.pgj.types.PgType} class, a cast {@code WITHOUT FUNCTION} between its type and
 * another whose stored form is the same bytes (a {@code passedByValue} type of 8 bytes and
 * {@code bigint}, say): the server reinterprets the value and runs no function. Exactly one of
 * {@link #to()} and {@link #from()} names the other type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(BinaryCoercible.List.class)
public @interface BinaryCoercible {
    /** SQL type this type casts to: {@code CREATE CAST (this AS to) WITHOUT FUNCTION}. */
    String to() default "";

    /** SQL type that casts to this type: {@code CREATE CAST (from AS this) WITHOUT FUNCTION}. */
    String from() default "";

    PgCast.Context context() default PgCast.Context.EXPLICIT;

    /** The container of repeated {@code @BinaryCoercible}. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        BinaryCoercible[] value();
    }
}
