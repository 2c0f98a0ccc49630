package org.pgj.types;

import java.util.Objects;

/**
 * A value of a polymorphic parameter ({@code anyelement}, {@code anycompatible},
 * {@code anynonarray}, and with {@code @SqlType} {@code anyarray} or {@code anycompatiblearray}):
 * the actual SQL type of this call and the value as the Java type that type maps to
 * ({@code Integer} for integer, {@code List} for an array, {@code Range} for a range; the text
 * form for a type without a mapping). As a result, {@link #of} takes a Java value, which is
 * converted to the result type the server resolved for the call.
 *
 * @param type the actual type's OID (0 in a result made by {@link #of})
 * @param typeName the actual type as SQL names it ({@code integer}, {@code text[]})
 * @param value the value, never null (NULL is a null AnyElement, or an empty Optional)
 */
public record AnyElement(long type, String typeName, Object value) {
    /** A result: converted to the call's resolved result type. For SQL NULL, return null instead. */
    public static AnyElement of(Object value) {
        return new AnyElement(0, null, Objects.requireNonNull(value, "AnyElement.of(null): return null for SQL NULL"));
    }

    /** The value as {@code javaType}; a ClassCastException names both types when it is not one. */
    public <T> T value(Class<T> javaType) {
        if (!javaType.isInstance(value)) {
            throw new ClassCastException(typeName + " value is a " + value.getClass().getName() + ", not a " + javaType.getName());
        }
        return javaType.cast(value);
    }
}
