package org.pgj.examples.types;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.types.Interval;

/** Dates, times, timestamps and intervals as java.time values. */
public final class Times {
    private Times() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<LocalDate> echoDate(Optional<LocalDate> d) {
        return d;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<LocalTime> echoTime(Optional<LocalTime> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<OffsetTime> echoTimetz(Optional<OffsetTime> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<LocalDateTime> echoTimestamp(Optional<LocalDateTime> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<OffsetDateTime> echoTimestamptz(Optional<OffsetDateTime> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Instant> echoInstant(Optional<Instant> t) {
        return t;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Interval> echoInterval(Optional<Interval> i) {
        return i;
    }

    /** Java's own text of the value, to compare with what Java should have received. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String dateString(LocalDate d) {
        return d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : d.toString();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String timestampString(LocalDateTime t) {
        return t.toString();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String instantString(Instant t) {
        return t.toString();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String timetzString(OffsetTime t) {
        return t.toString();
    }

    /** The same local time at another offset; beyond ±15:59:59 the server has no such timetz (22009). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static OffsetTime atOffset(OffsetTime t, int offsetSeconds) {
        return t.withOffsetSameLocal(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static LocalDate plusDays(LocalDate d, int days) {
        return d.plusDays(days);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static LocalDateTime javaTimestamp(int year, int month, int day, int hour, int minute, double seconds) {
        long nanos = Math.round(seconds * 1_000_000_000L);
        return LocalDateTime.of(year, month, day, hour, minute).plusNanos(nanos);
    }

    /** The months-and-days part and the time part of an interval, kept apart. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String intervalParts(Interval i) {
        return i.toPeriod() + " " + i.toDuration();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Interval makeInterval(String period, String duration) {
        return Interval.of(Period.parse(period), Duration.parse(duration));
    }
}
