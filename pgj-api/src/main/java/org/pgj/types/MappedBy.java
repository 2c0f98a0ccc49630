package org.pgj.types;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java type usable as a parameter or result: values travel as SQL type
 * {@link #sqlType()} through the {@link TypeConverter} {@link #value()}. Arrays, lists, ranges
 * and {@code Optional} of the type work as for pgj's own types. A {@code @SqlType} on a parameter
 * or method still overrides the SQL type (a domain over it, say).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MappedBy {
    /** The converter: {@code TypeConverter<ThisType, Carrier>}. */
    @SuppressWarnings("rawtypes")
    Class<? extends TypeConverter> value();

    /** The SQL type, as SQL spells it: {@code numeric}, {@code text}, {@code myschema.money_t}. */
    String sqlType();
}
