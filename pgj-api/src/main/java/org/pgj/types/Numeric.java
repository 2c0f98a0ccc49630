package org.pgj.types;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A {@code numeric} value including the three values a {@link BigDecimal} cannot hold: NaN,
 * Infinity and -Infinity (PostgreSQL 14+). A function taking {@code BigDecimal} gets an error
 * (SQLSTATE 0A000, as PostgreSQL's own casts give) for those; one taking {@code Numeric} gets them.
 */
public final class Numeric {
    public static final Numeric NAN = new Numeric(null, "NaN");
    public static final Numeric POSITIVE_INFINITY = new Numeric(null, "Infinity");
    public static final Numeric NEGATIVE_INFINITY = new Numeric(null, "-Infinity");

    private final BigDecimal value;
    private final String special;

    private Numeric(BigDecimal value, String special) {
        this.value = value;
        this.special = special;
    }

    public static Numeric of(BigDecimal value) {
        return new Numeric(Objects.requireNonNull(value), null);
    }

    /** Parses PostgreSQL's text form: a decimal number, {@code NaN}, {@code Infinity} or {@code -Infinity}. */
    public static Numeric parse(String text) {
        return switch (text) {
            case "NaN" -> NAN;
            case "Infinity" -> POSITIVE_INFINITY;
            case "-Infinity" -> NEGATIVE_INFINITY;
            default -> of(new BigDecimal(text));
        };
    }

    public boolean isFinite() {
        return value != null;
    }

    public boolean isNaN() {
        return this == NAN;
    }

    public boolean isInfinite() {
        return this == POSITIVE_INFINITY || this == NEGATIVE_INFINITY;
    }

    /** The finite value; an {@link ArithmeticException} for NaN and the infinities. */
    public BigDecimal bigDecimal() {
        if (value == null) {
            throw new ArithmeticException("numeric " + special + " has no BigDecimal value");
        }
        return value;
    }

    /** PostgreSQL's text form: the plain decimal digits (no exponent), or NaN, Infinity, -Infinity. */
    @Override
    public String toString() {
        return value != null ? value.toPlainString() : special;
    }

    /** Equal when the same special value, or the same number with the same scale (as BigDecimal.equals). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Numeric n && Objects.equals(value, n.value) && Objects.equals(special, n.special);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, special);
    }
}
