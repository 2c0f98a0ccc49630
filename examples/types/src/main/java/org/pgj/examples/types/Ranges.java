package org.pgj.examples.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.Range;

/** Ranges: bounds inclusive, exclusive or infinite, and the empty range. */
public final class Ranges {
    private Ranges() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<Integer>> echoInt4range(Optional<Range<Integer>> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<Long>> echoInt8range(Optional<Range<Long>> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<BigDecimal>> echoNumrange(Optional<Range<BigDecimal>> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<LocalDate>> echoDaterange(Optional<Range<LocalDate>> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<LocalDateTime>> echoTsrange(Optional<Range<LocalDateTime>> r) {
        return r;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Range<OffsetDateTime>> echoTstzrange(Optional<Range<OffsetDateTime>> r) {
        return r;
    }

    /** Java's view of a range, in the server's text form. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String describeRange(Range<Integer> r) {
        return r.toString();
    }

    /** Whether {@code v} is in the range, to compare with the server's @> operator. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static boolean rangeContains(Range<Long> r, long v) {
        if (r.isEmpty()) {
            return false;
        }
        boolean aboveLower = r.lowerInfinite() || (r.lowerInclusive() ? v >= r.lower() : v > r.lower());
        boolean belowUpper = r.upperInfinite() || (r.upperInclusive() ? v <= r.upper() : v < r.upper());
        return aboveLower && belowUpper;
    }

    /** A range built in Java; the server makes it canonical, and refuses lower > upper. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Range<Integer> closedRange(Integer lower, Integer upper) {
        return Range.of(lower, true, upper, true);
    }
}
