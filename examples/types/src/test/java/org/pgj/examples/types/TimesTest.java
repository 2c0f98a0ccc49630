package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;
import static org.pgj.examples.types.RoundTrips.roundTrips;
import static org.pgj.examples.types.RoundTrips.text;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** date, time, timetz, timestamp, timestamptz and interval, with infinities and extreme years. */
@PgjTest
class TimesTest {
    @Test
    void datesRoundTripFromFirstToLastDay(Connection c) throws SQLException {
        roundTrips(c, "echo_date", "date", "=", "'2024-02-29'", "'4714-11-24 BC'", "'5874897-12-31'", "'infinity'",
                "'-infinity'", "'2000-01-01'", "'1970-01-01'", "'0001-01-01'", "'0001-12-31 BC'");
    }

    @Test
    void datesAsJavaSeesThem(Connection c) throws SQLException {
        assertEquals(LocalDate.of(-4713, 11, 24).toString(), text(c, "SELECT date_string('4714-11-24 BC')"),
                "1 BC is Java's year 0: both calendars are proleptic Gregorian");
        assertEquals(LocalDate.of(5874897, 12, 31).toString(), text(c, "SELECT date_string('5874897-12-31')"));
        assertEquals("infinity", text(c, "SELECT date_string('infinity')"), "infinity is LocalDate.MAX");
        assertEquals("-infinity", text(c, "SELECT date_string('-infinity')"));
        assertEquals(true, one(c, "SELECT bool_and(plus_days(d, n) = d + n) FROM (VALUES ('2024-02-28'::date, 1),"
                + " ('2000-03-01', -1), ('4714-11-25 BC', -1), ('1900-01-01', 36524)) v(d, n)"));
    }

    @Test
    void datesOutOfRangeAreTheServersError(Connection c) throws SQLException {
        fails(c, "SELECT '5874897-12-31'::date + 1", "22008");
        fails(c, "SELECT plus_days('5874897-12-31', 1)", "22008");
        fails(c, "SELECT plus_days('4714-11-24 BC', -1)", "22008");
    }

    @Test
    void timesRoundTrip(Connection c) throws SQLException {
        roundTrips(c, "echo_time", "time", "=", "'00:00'", "'23:59:59.999999'", "'24:00:00'", "'12:34:56.789'");
        roundTrips(c, "echo_timetz", "timetz", "=", "'12:34:56+05:30'", "'00:00-15:59:59'", "'23:59:59.999999+15:59'",
                "'24:00:00+00'", "'10:00-00:00:01'");
        assertEquals(OffsetTime.of(12, 34, 56, 0, ZoneOffset.ofHoursMinutes(5, 30)).toString(),
                text(c, "SELECT timetz_string('12:34:56+05:30')"), "the zone is east-positive in Java");
        assertEquals(true, one(c, "SELECT at_offset('12:00+00', -57599) = '12:00-15:59:59'::timetz"));
        fails(c, "SELECT '12:00+16:00'::timetz", "22009");
        fails(c, "SELECT at_offset('12:00+00', 57600)", "22009");
    }

    @Test
    void timestampsRoundTrip(Connection c) throws SQLException {
        roundTrips(c, "echo_timestamp", "timestamp", "=", "'2024-02-29 12:34:56.123456'", "'4714-11-24 00:00 BC'",
                "'294276-12-31 23:59:59.999999'", "'infinity'", "'-infinity'", "'2000-01-01'", "'1969-12-31 23:59:59.999999'");
        assertEquals(LocalDateTime.of(-4713, 11, 24, 0, 0).toString(), text(c, "SELECT timestamp_string('4714-11-24 00:00 BC')"));
        assertEquals(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000).toString(),
                text(c, "SELECT timestamp_string('294276-12-31 23:59:59.999999')"));
        assertEquals(LocalDateTime.MAX.toString(), text(c, "SELECT timestamp_string('infinity')"));
        assertEquals(true, one(c, "SELECT java_timestamp(2024, 2, 29, 12, 30, 45.5) = pg_catalog.make_timestamp(2024, 2, 29, 12, 30, 45.5)"));
        assertEquals(true, one(c, "SELECT java_timestamp(2024, 2, 29, 12, 30, 0.0000004) = '2024-02-29 12:30'"),
                "nanoseconds round to microseconds, as the server's input rounds");
        fails(c, "SELECT pg_catalog.make_timestamp(294277, 1, 1, 0, 0, 0)", "22008");
        fails(c, "SELECT java_timestamp(294277, 1, 1, 0, 0, 0)", "22008");
        fails(c, "SELECT java_timestamp(-4713, 11, 23, 0, 0, 0)", "22008");
    }

    @Test
    void timestamptzIsTheSameInstantUnderAnyTimeZone(Connection c) throws SQLException {
        exec(c, "SET TimeZone = 'UTC'");
        roundTrips(c, "echo_timestamptz", "timestamptz", "=", "'4714-11-24 00:00+00 BC'", "'294276-12-31 23:59:59.999999+00'");
        for (String zone : new String[] {"UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Etc/GMT+12"}) {
            exec(c, "SET TimeZone = '" + zone + "'");
            roundTrips(c, "echo_timestamptz", "timestamptz", "=", "'2024-03-10 02:30:00-05'", "'1000-01-01 00:00+00 BC'",
                    "'100000-06-30 12:00+00'", "'infinity'", "'-infinity'", "now()");
            roundTrips(c, "echo_instant", "timestamptz", "=", "'2024-10-27 01:30:00+01'", "'infinity'", "'-infinity'");
            assertEquals(Instant.parse("2024-03-10T07:30:00Z").toString(),
                    text(c, "SELECT instant_string('2024-03-10 02:30:00-05')"), "under " + zone);
            assertEquals(Instant.MIN.toString(), text(c, "SELECT instant_string('-infinity')"));
        }
        exec(c, "RESET TimeZone");
    }

    @Test
    void intervalsKeepMonthsDaysAndTimeApart(Connection c) throws SQLException {
        roundTrips(c, "echo_interval", "interval", "=", "'1 year 2 mons 3 days 04:05:06.789'", "'-1 mons +1 day -00:00:01'",
                "'0'", "'2147483647 mons'", "'-2147483648 days'", "'2562047788:00:54.775807'", "'1 day -24 hours'");
        assertEquals("P1Y2M3D PT4H5M6.789S", text(c, "SELECT interval_parts('1 year 2 mons 3 days 04:05:06.789')"));
        assertEquals("P1D PT-24H", text(c, "SELECT interval_parts('1 day -24 hours')"),
                "a day is not 24 hours: both parts are kept");
        assertEquals("1 year 2 mons 3 days 04:05:06.789",
                text(c, "SELECT make_interval('P1Y2M3D', 'PT4H5M6.789S')::text"));
    }
}
