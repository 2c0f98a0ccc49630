package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.pgj.internal.nativecall.Native.ALL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.types.Interval;

/**
 * Dates and times, read and written in place: {@code date} is int32 days and {@code timestamp}
 * int64 microseconds since 2000-01-01, {@code time} int64 microseconds since midnight, and
 * {@code timetz} and {@code interval} small structs (layouts from the facts table). Both
 * calendars are proleptic Gregorian, so every date the server has round-trips.
 *
 * <p>Infinity has no java.time value, so {@code -infinity}/{@code infinity} map to the MIN/MAX
 * constants ({@code LocalDate.MIN}, {@code LocalDateTime.MAX}, {@code Instant.MIN}, ...), which
 * lie outside the server's range. {@code time '24:00'} maps to {@code LocalTime.MAX}. Java values
 * are rounded to microseconds, as the server's input rounds; out-of-range ones are 22008.
 * {@code timestamptz} comes as UTC whatever the session's TimeZone.
 */
public final class DateTimes {
    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_JDATE = Facts.get("POSTGRES_EPOCH_JDATE");
    private static final long MIN_DATE = Facts.get("DATETIME_MIN_JULIAN") - EPOCH_JDATE;
    private static final long END_DATE = Facts.get("DATE_END_JULIAN") - EPOCH_JDATE;
    private static final int DATE_NOBEGIN = Facts.getInt("DATEVAL_NOBEGIN");
    private static final int DATE_NOEND = Facts.getInt("DATEVAL_NOEND");
    private static final long MIN_TIMESTAMP = Facts.get("MIN_TIMESTAMP");
    private static final long END_TIMESTAMP = Facts.get("END_TIMESTAMP");
    private static final long DT_NOBEGIN = Facts.get("DT_NOBEGIN");
    private static final long DT_NOEND = Facts.get("DT_NOEND");
    private static final long USECS_PER_DAY = Facts.get("USECS_PER_DAY");
    private static final int TZDISP_LIMIT = Facts.getInt("TZDISP_LIMIT");
    private static final long TIMETZ_TIME = Facts.get("TimeTzADT.time");
    private static final long TIMETZ_ZONE = Facts.get("TimeTzADT.zone");
    private static final long TIMETZ_SIZE = Facts.get("sizeof.TimeTzADT");
    private static final long INTERVAL_TIME = Facts.get("Interval.time");
    private static final long INTERVAL_DAY = Facts.get("Interval.day");
    private static final long INTERVAL_MONTH = Facts.get("Interval.month");
    private static final long INTERVAL_SIZE = Facts.get("sizeof.Interval");
    private static final LocalDateTime EPOCH_2000 = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final long EPOCH_2000_SECONDS = EPOCH_2000.toEpochSecond(ZoneOffset.UTC);

    private DateTimes() {
    }

    public static LocalDate dateFrom(long d) {
        int days = (int) d;
        if (days == DATE_NOBEGIN) {
            return LocalDate.MIN;
        } else if (days == DATE_NOEND) {
            return LocalDate.MAX;
        }
        return LocalDate.ofEpochDay(days + EPOCH_DAY_2000);
    }

    public static long dateTo(LocalDate v) {
        if (v.equals(LocalDate.MIN)) {
            return DATE_NOBEGIN;
        } else if (v.equals(LocalDate.MAX)) {
            return DATE_NOEND;
        }
        long days = v.toEpochDay() - EPOCH_DAY_2000;
        if (days < MIN_DATE || days >= END_DATE) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + v + "\"");
        }
        return days;
    }

    public static LocalTime timeFrom(long d) {
        return d >= USECS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(d * 1000);
    }

    public static long timeTo(LocalTime v) {
        return v.equals(LocalTime.MAX) ? USECS_PER_DAY : roundedMicros(v.toNanoOfDay());
    }

    private static long roundedMicros(long nanos) {
        return Math.floorDiv(nanos + 500, 1000);
    }

    public static OffsetTime timetzFrom(long d) {
        long time = ALL.get(JAVA_LONG_UNALIGNED, d + TIMETZ_TIME);
        int zone = ALL.get(JAVA_INT_UNALIGNED, d + TIMETZ_ZONE);
        // The server counts zone seconds west of Greenwich; java.time counts east.
        return OffsetTime.of(timeFrom(time), ZoneOffset.ofTotalSeconds(-zone));
    }

    public static long timetzTo(OffsetTime v) {
        int zone = -v.getOffset().getTotalSeconds();
        if (zone <= -TZDISP_LIMIT || zone >= TZDISP_LIMIT) {
            throw new PgException(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                    "time zone displacement out of range: \"" + v.getOffset() + "\"");
        }
        long address = Varlena.palloc(TIMETZ_SIZE);
        ALL.asSlice(address, TIMETZ_SIZE).fill((byte) 0);
        ALL.set(JAVA_LONG_UNALIGNED, address + TIMETZ_TIME, timeTo(v.toLocalTime()));
        ALL.set(JAVA_INT_UNALIGNED, address + TIMETZ_ZONE, zone);
        return address;
    }

    public static LocalDateTime timestampFrom(long d) {
        if (d == DT_NOBEGIN) {
            return LocalDateTime.MIN;
        } else if (d == DT_NOEND) {
            return LocalDateTime.MAX;
        }
        return EPOCH_2000.plus(d, ChronoUnit.MICROS);
    }

    public static long timestampTo(LocalDateTime v) {
        if (v.equals(LocalDateTime.MIN)) {
            return DT_NOBEGIN;
        } else if (v.equals(LocalDateTime.MAX)) {
            return DT_NOEND;
        }
        return checkedTimestamp(v.toEpochSecond(ZoneOffset.UTC), v.getNano(), v);
    }

    /** Microseconds since 2000-01-01 of an instant given in epoch seconds and nanos; 22008 outside the range. */
    private static long checkedTimestamp(long epochSeconds, int nanos, Object shown) {
        long seconds = epochSeconds - EPOCH_2000_SECONDS;
        // Beyond ±2^63 µs the multiplication would overflow: such values are out of range anyway.
        if (Math.abs(seconds) > Long.MAX_VALUE / 1_000_000L - 1) {
            throw timestampOutOfRange(shown);
        }
        long micros = seconds * 1_000_000L + roundedMicros(nanos);
        if (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP) {
            throw timestampOutOfRange(shown);
        }
        return micros;
    }

    private static PgException timestampOutOfRange(Object shown) {
        return new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + shown + "\"");
    }

    public static Instant instantFrom(long d) {
        if (d == DT_NOBEGIN) {
            return Instant.MIN;
        } else if (d == DT_NOEND) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(EPOCH_2000_SECONDS + Math.floorDiv(d, 1_000_000L), Math.floorMod(d, 1_000_000L) * 1000);
    }

    public static long instantTo(Instant v) {
        if (v.equals(Instant.MIN)) {
            return DT_NOBEGIN;
        } else if (v.equals(Instant.MAX)) {
            return DT_NOEND;
        }
        return checkedTimestamp(v.getEpochSecond(), v.getNano(), v);
    }

    public static OffsetDateTime timestamptzFrom(long d) {
        if (d == DT_NOBEGIN) {
            return OffsetDateTime.MIN;
        } else if (d == DT_NOEND) {
            return OffsetDateTime.MAX;
        }
        return instantFrom(d).atOffset(ZoneOffset.UTC);
    }

    public static long timestamptzTo(OffsetDateTime v) {
        if (v.equals(OffsetDateTime.MIN)) {
            return DT_NOBEGIN;
        } else if (v.equals(OffsetDateTime.MAX)) {
            return DT_NOEND;
        }
        return checkedTimestamp(v.toEpochSecond(), v.getNano(), v);
    }

    public static Interval intervalFrom(long d) {
        return new Interval(ALL.get(JAVA_INT_UNALIGNED, d + INTERVAL_MONTH), ALL.get(JAVA_INT_UNALIGNED, d + INTERVAL_DAY),
                ALL.get(JAVA_LONG_UNALIGNED, d + INTERVAL_TIME));
    }

    public static long intervalTo(Interval v) {
        long address = Varlena.palloc(INTERVAL_SIZE);
        ALL.set(JAVA_LONG_UNALIGNED, address + INTERVAL_TIME, v.microseconds());
        ALL.set(JAVA_INT_UNALIGNED, address + INTERVAL_DAY, v.days());
        ALL.set(JAVA_INT_UNALIGNED, address + INTERVAL_MONTH, v.months());
        return address;
    }
}
