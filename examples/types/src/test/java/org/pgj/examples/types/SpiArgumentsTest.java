package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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

/** SPI sends the mapped Java types as arguments of their SQL types, through the same mappings. */
@PgjTest
@InBackend
class SpiArgumentsTest {
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
}
