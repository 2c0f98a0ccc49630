package org.pgj.types;

import java.util.Objects;

/**
 * A range ({@code int4range}, {@code int8range}, {@code numrange}, {@code daterange},
 * {@code tsrange}, {@code tstzrange}): empty, or two bounds, each inclusive or exclusive, or
 * infinite (a null bound). Ranges of discrete types come back from the server canonical:
 * {@code [1,5]} becomes {@code [1,6)}.
 *
 * @param <T> the bound type: Integer, Long, BigDecimal, LocalDate, LocalDateTime, OffsetDateTime
 */
public final class Range<T> {
    private static final Range<?> EMPTY = new Range<>(null, false, null, false, true);

    private final T lower;
    private final boolean lowerInclusive;
    private final T upper;
    private final boolean upperInclusive;
    private final boolean empty;

    private Range(T lower, boolean lowerInclusive, T upper, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upper != null && upperInclusive;
        this.empty = empty;
    }

    @SuppressWarnings("unchecked")
    public static <T> Range<T> empty() {
        return (Range<T>) EMPTY;
    }

    /** A range with the given bounds; a null bound is infinite (and never inclusive). */
    public static <T> Range<T> of(T lower, boolean lowerInclusive, T upper, boolean upperInclusive) {
        return new Range<>(lower, lowerInclusive, upper, upperInclusive, false);
    }

    /** {@code [lower,upper)}, the form PostgreSQL gives discrete ranges. */
    public static <T> Range<T> closedOpen(T lower, T upper) {
        return of(lower, true, upper, false);
    }

    public boolean isEmpty() {
        return empty;
    }

    /** The lower bound, or null when it is infinite (or the range is empty). */
    public T lower() {
        return lower;
    }

    public T upper() {
        return upper;
    }

    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    public boolean upperInclusive() {
        return upperInclusive;
    }

    public boolean lowerInfinite() {
        return !empty && lower == null;
    }

    public boolean upperInfinite() {
        return !empty && upper == null;
    }

    /** PostgreSQL's text form for the bounds' own {@code toString}: {@code [1,6)}, {@code (,5]}, {@code empty}. */
    @Override
    public String toString() {
        if (empty) {
            return "empty";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + "," + (upper == null ? "" : upper)
                + (upperInclusive ? "]" : ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range<?> r && empty == r.empty && lowerInclusive == r.lowerInclusive
                && upperInclusive == r.upperInclusive && Objects.equals(lower, r.lower) && Objects.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, lowerInclusive, upper, upperInclusive, empty);
    }
}
