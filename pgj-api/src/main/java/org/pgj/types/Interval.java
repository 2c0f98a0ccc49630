package org.pgj.types;

import java.time.Duration;
import java.time.Period;

/**
 * An {@code interval}: months, days and microseconds kept apart, as PostgreSQL keeps them (a
 * month is not a fixed number of days, nor a day a fixed number of hours across a DST change).
 */
public record Interval(int months, int days, long microseconds) {
    /** Months and days from {@code period} (years become 12 months), microseconds from {@code time}. */
    public static Interval of(Period period, Duration time) {
        long months = period.toTotalMonths();
        return new Interval(Math.toIntExact(months), period.getDays(), Math.addExact(
                Math.multiplyExact(time.getSeconds(), 1_000_000L), time.getNano() / 1000));
    }

    /** The months and days part: {@code P1Y2M3D} for {@code 1 year 2 mons 3 days}. */
    public Period toPeriod() {
        return Period.of(months / 12, months % 12, days);
    }

    /** The time part, without the months and days. */
    public Duration toDuration() {
        return Duration.ofSeconds(Math.floorDiv(microseconds, 1_000_000L), Math.floorMod(microseconds, 1_000_000L) * 1000);
    }
}
