package org.pgj.examples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Arg;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.test.InBackend;
import org.pgj.test.PgjTest;

/**
 * A Java number of one width and a SQL number of another through every caller of the one
 * conversion path: a function's arguments and result, SPI's arguments and columns. The same
 * values, NULLs and errors each way, and the same as the server's own casts.
 */
@PgjTest
@InBackend
class NumberWidthsTest {
    private static final int[] EDGES = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};

    @Test
    void anIntAsBigintIsTheSameThroughFunctionsAndSpi() {
        try (SpiConnection spi = Spi.connect()) {
            for (int v : EDGES) {
                assertEquals(Optional.of(v), spi.getOne("SELECT int_of_bigint($1)", Integer.class, (long) v), "function, " + v);
                assertEquals(Optional.of(v), spi.getOne("SELECT $1::int8", Integer.class, (long) v), "SPI column, " + v);
                assertEquals(v, spi.select("SELECT $1::int8", (long) v).first().getInt(1), "SPI getInt, " + v);
                assertEquals(Optional.of("bigint " + v), spi.getOne("SELECT pg_typeof($1)::text || ' ' || $1", String.class,
                        Arg.of("bigint", v)), "SPI argument, " + v);
                assertEquals(Optional.of((long) v), spi.getOne("SELECT int_of_bigint($1)", Long.class, Arg.of("bigint", v)),
                        "an int into a function through SPI, " + v);
            }
            assertEquals(Optional.empty(), spi.getOne("SELECT int_of_bigint(NULL)", Integer.class), "function NULL");
            assertEquals(Optional.empty(), spi.getOne("SELECT $1::int8", Integer.class, Arg.nullOf("bigint")), "SPI NULL");
        }
    }

    @Test
    void aBigintAnIntCannotHoldIs22003Everywhere() {
        try (SpiConnection spi = Spi.connect()) {
            PgException function = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.getOne("SELECT int_of_bigint(2147483648)", Integer.class)));
            assertEquals("22003", function.sqlState());
            assertEquals("integer out of range", function.getMessage(), "the server's own message");
            PgException column = assertThrows(PgException.class, () -> spi.getOne("SELECT (-2147483649)::int8", Integer.class));
            assertEquals("22003", column.sqlState());
            assertEquals("column 1 (int8) = -2147483649 is out of range for a Java int", column.getMessage());
            PgException argument = assertThrows(PgException.class, () -> spi.run("SELECT $1", Arg.of("int4", 1L << 40)));
            assertEquals("22003", argument.sqlState());
            PgException cast = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.run("SELECT 2147483648::int8::int4")));
            assertEquals(cast.getMessage(), function.getMessage(), "as the server's cast");
            assertEquals(Optional.of(1), spi.getOne("SELECT int_of_bigint(1)", Integer.class), "a working call after each");
        }
    }

    @Test
    void aDoubleAsIntegerPassesWholeNumbersOnly() {
        try (SpiConnection spi = Spi.connect()) {
            for (String v : new String[] {"0", "-1", "2147483647", "-2147483648", "1e9"}) {
                Optional<Integer> cast = spi.getOne("SELECT (" + v + ")::float8::int4", Integer.class);
                assertEquals(cast, spi.getOne("SELECT double_as_integer(" + v + ")", Integer.class), "function result, " + v);
                assertEquals(cast, spi.getOne("SELECT (" + v + ")::float8", Integer.class), "SPI column, " + v);
                assertEquals(cast, spi.getOne("SELECT $1::int4", Integer.class, Arg.of("int4", Double.parseDouble(v))),
                        "SPI argument, " + v);
                assertEquals(Optional.of(Double.parseDouble(v)), spi.getOne("SELECT (" + v + ")::int8", Double.class),
                        "an integer column read as a double, " + v);
            }
            for (String v : new String[] {"2.5", "-0.5", "'NaN'"}) {
                PgException function = assertThrows(PgException.class,
                        () -> Subtransaction.run(() -> spi.getOne("SELECT double_as_integer(" + v + ")", Integer.class)));
                assertEquals("42804", function.sqlState(), v);
                PgException column = assertThrows(PgException.class, () -> spi.getOne("SELECT " + v + "::float8", Integer.class));
                assertEquals("42804", column.sqlState(), v);
                assertEquals(function.getMessage(), column.getMessage(), "one conversion, one message: " + v);
            }
            for (String v : new String[] {"2147483648", "'Infinity'"}) {
                PgException e = assertThrows(PgException.class,
                        () -> Subtransaction.run(() -> spi.getOne("SELECT double_as_integer(" + v + ")", Integer.class)));
                assertEquals("22003", e.sqlState(), v);
            }
        }
    }

    @Test
    void aLongArrayAsIntegerArrayConvertsEachElement() {
        try (SpiConnection spi = Spi.connect()) {
            assertEquals(Optional.of("{0,-1,-2147483648,2147483647}"),
                    spi.getOne("SELECT longs_as_integers('{0,-1,-2147483648,2147483647}')::text", String.class));
            assertEquals(Optional.of("{}"), spi.getOne("SELECT longs_as_integers('{}')::text", String.class));
            PgException nullElement = assertThrows(PgException.class,
                    () -> Subtransaction.run(() -> spi.getOne("SELECT longs_as_integers('{1,NULL}')", String.class)));
            assertEquals("22004", nullElement.sqlState());
            assertEquals(Optional.of(11L), spi.getOne("SELECT sum(x)::int8 FROM unnest(longs_as_integers('{5,6}')) x", Long.class));
        }
    }
}
