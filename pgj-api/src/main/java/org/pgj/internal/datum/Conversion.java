package org.pgj.internal.datum;

/**
 * How one declared Java type travels as a Datum: the {@link TypeMapping} of its value type
 * and the shape around it that decides NULL handling.
 *
 * @param declared the declared type ({@code int}, {@code Integer}, {@code Optional}, ...)
 * @param valueType the type the mapping converts ({@code Integer} for {@code Optional<Integer>})
 * @param mapping null for {@link Shape#VOID}
 */
public record Conversion(Class<?> declared, Class<?> valueType, TypeMapping mapping, Shape shape) {
    public enum Shape {
        /** A primitive: never NULL. */
        PRIMITIVE,
        /** A box: NULL is {@code null}. */
        BOXED,
        /** A reference type such as String: NULL only where marked {@code @Nullable}. */
        REFERENCE,
        /** {@code Optional<T>}: NULL is empty. */
        OPTIONAL,
        /** A void result. */
        VOID
    }

    /** Whether a parameter of this shape receives SQL NULL (rather than refusing it). */
    public boolean acceptsNull(boolean nullableAnnotation) {
        return shape == Shape.BOXED || shape == Shape.OPTIONAL || (shape == Shape.REFERENCE && nullableAnnotation);
    }
}
