package org.pgj.examples.functions;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.functions.Volatility;

/** Set-returning functions: one row per element, produced as the executor asks for them. */
public final class Sets {
    /** Streams of this backend closed so far: tests read it to see onClose run. */
    private static int closed;

    private Sets() {
    }

    /** RETURNS SETOF integer. A stream straight from its source: the benchmark's Java set. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Stream<Integer> countTo(int n) {
        return Stream.iterate(1, i -> i <= n, i -> i + 1);
    }

    /** An endless stream: LIMIT stops it, and closing it runs onClose. */
    @PgFunction
    public static Stream<Long> naturals() {
        return Stream.iterate(1L, i -> i + 1).onClose(() -> closed++);
    }

    @PgFunction
    public static int closedStreams() {
        return closed;
    }

    /** 1..n, with an onClose that fails: the statement that ends or stops the stream fails with it. */
    @PgFunction
    public static Stream<Long> badClose(long n) {
        return Stream.iterate(1L, i -> i <= n, i -> i + 1).onClose(() -> {
            throw new IllegalStateException("cannot close");
        });
    }

    /** An Iterator works too, and so does an Iterable. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Iterator<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).iterator();
    }

    /** from, from - 1, ..., 1: a hand-written Iterator. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Iterator<Integer> countdown(int from) {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next > 0;
            }

            @Override
            public Integer next() {
                return next--;
            }
        };
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Iterable<byte[]> chunks(byte[] data, int size) {
        return IntStream.range(0, (data.length + size - 1) / size)
                .mapToObj(i -> Arrays.copyOfRange(data, i * size, Math.min(data.length, (i + 1) * size)))
                .toList();
    }

    /** A null element is a NULL row value. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Stream<String> withGaps() {
        return Stream.of("a", null, "c");
    }

    /** Runs a query for each row, in the call that returns the row. */
    @PgFunction
    public static Stream<String> labelled(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> Spi.getOne("SELECT 'label ' || $1", String.class, i).orElseThrow());
    }

    /**
     * Keeps an SPI scope open across rows, which cannot work: a scope ends with the call that
     * opened it (with a WARNING), so the second row finds it closed. An error, never a crash.
     */
    @PgFunction
    public static Stream<Integer> leakyScope() {
        SpiConnection spi = Spi.connect();
        return Stream.of(1, 2, 3).map(i -> spi.getOne("SELECT $1 * 10", Integer.class, i).orElseThrow())
                .onClose(spi::close);
    }

    /** A null stream is an empty set. */
    @PgFunction
    public static Stream<String> nothing() {
        return null;
    }

    /** Fails at element {@code failAt}, after the rows before it were returned. */
    @PgFunction
    public static Stream<Integer> failAt(int n, int failAt) {
        return IntStream.rangeClosed(1, n).boxed().map(i -> {
            if (i == failAt) {
                throw new IllegalStateException("element " + i + " is broken");
            }
            return i;
        }).onClose(() -> closed++);
    }

    /** The declared element type lies (an unchecked cast): the wrong element is a clear error. */
    @PgFunction
    @SuppressWarnings("unchecked")
    public static Stream<Integer> mislabelled() {
        List<?> items = List.of(1, "two", 3);
        return (Stream<Integer>) items.stream();
    }

    /** A stream of records: RETURNS TABLE(word text, length integer). */
    public record WordLength(String word, int length) {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Stream<WordLength> wordLengths(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> new WordLength(w, w.codePointCount(0, w.length())));
    }
}
