package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pgj.spi.Spi;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;
import org.pgj.types.Inet;
import org.pgj.types.Interval;
import org.pgj.types.Numeric;
import org.pgj.types.Range;

/** SPI sends the mapped Java types as arguments of their SQL types, and reads columns as them, through the same mappings. */
@PgjTest
@InBackend
class SpiTypesTest {
    private static String typeAndText(Object value) {
        return Spi.getOne("SELECT pg_typeof($1)::text || ' ' || $1::text", String.class, value).orElseThrow();
    }

    @Test
    void mappedJavaValuesAreSentAsTheirSqlTypes() {
        assertEquals("date 2024-02-29", typeAndText(LocalDate.of(2024, 2, 29)));
        assertEquals("numeric 1.50", typeAndText(new BigDecimal("1.50")));
        assertEquals("uuid a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", typeAndText(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")));
        assertEquals("inet 10.0.0.0/8", typeAndText(Inet.parse("10.0.0.0/8")));
        assertEquals("interval 1 mon 2 days 00:00:00.000003", typeAndText(new Interval(1, 2, 3)));
        assertEquals(Optional.of(true), Spi.getOne("SELECT $1 = '2024-02-29 12:00+00'::timestamptz", Boolean.class,
                OffsetDateTime.of(2024, 2, 29, 13, 0, 0, 0, ZoneOffset.ofHours(1))));
    }

    @Test
    void columnsReadAsTheMappedJavaTypes() {
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), Spi.getOne("SELECT '2024-02-29'::date", LocalDate.class));
        assertEquals(Optional.of(new BigDecimal("1.50")), Spi.getOne("SELECT 1.50::numeric", BigDecimal.class));
        assertEquals(Optional.of(Numeric.NAN), Spi.getOne("SELECT 'NaN'::numeric", Numeric.class));
        assertEquals(Optional.of("1.50"), Spi.getOne("SELECT 1.50::numeric", String.class), "the text form, as before");
        assertEquals(Optional.of(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                Spi.getOne("SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", UUID.class));
        assertEquals(Optional.of(new Interval(14, 3, 4_000_000)), Spi.getOne("SELECT '1 year 2 mons 3 days 4 s'::interval",
                Interval.class));
        assertEquals(Optional.of(Range.closedOpen(1, 6)), Spi.getOne("SELECT '[1,5]'::int4range", Range.class));
        assertEquals(Optional.of(Instant.parse("2024-02-29T12:00:00Z")),
                Spi.getOne("SELECT '2024-02-29 13:00+01'::timestamptz", Instant.class));
    }
}
