package org.pgj.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongBinaryOperator;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.spi.SpiNative;

/**
 * Runs SQL from Java inside the server, through PostgreSQL's SPI.
 *
 * <pre>{@code
 * try (SpiConnection spi = Spi.connect()) {
 *     spi.update("INSERT INTO log VALUES ($1)", "hello");
 *     for (SpiRow row : spi.select("SELECT id, msg FROM log")) { ... }
 * }
 * }</pre>
 *
 * <p>The static shortcuts below each run in a connection scope of their own. A server error
 * raised by a statement arrives as a {@link org.pgj.errors.PgException}; catch it inside
 * {@link org.pgj.errors.Subtransaction} to carry on. Everything here must run on the backend's
 * thread.
 */
public final class Spi {
    private Spi() {
    }

    /** Opens a connection scope; close it with try-with-resources. Scopes nest. */
    public static SpiConnection connect() {
        return SpiConnection.open();
    }

    /** Runs one statement, read-write, and discards its rows; returns the row count. */
    public static long run(String sql, Object... args) {
        try (SpiConnection spi = connect()) {
            return spi.run(sql, args);
        }
    }

    /** See {@link SpiConnection#getOne}. */
    public static <T> Optional<T> getOne(String sql, Class<T> type, Object... args) {
        try (SpiConnection spi = connect()) {
            return spi.getOne(sql, type, args);
        }
    }

    /** See {@link SpiConnection#getRow}. */
    public static <R extends Record> R getRow(String sql, Class<R> type, Object... args) {
        try (SpiConnection spi = connect()) {
            return spi.getRow(sql, type, args);
        }
    }

    /** See {@link SpiConnection#explain}. */
    public static String explain(String sql, Object... args) {
        try (SpiConnection spi = connect()) {
            return spi.explain(sql, args);
        }
    }

    /** Commits from a procedure; see {@link SpiConnection#commit()}. */
    public static void commit() {
        try (SpiConnection spi = connect()) {
            spi.commit();
        }
    }

    /** Rolls back from a procedure; see {@link SpiConnection#rollback()}. */
    public static void rollback() {
        try (SpiConnection spi = connect()) {
            spi.rollback();
        }
    }

    /** An identifier quoted if SQL needs it to be ({@code Foo} → {@code "Foo"}, {@code foo} → {@code foo}). */
    public static String quoteIdentifier(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return quote((a, b) -> SpiNative.quoteIdentifier(a), identifier, null);
    }

    /** {@code qualifier.identifier}, each part quoted if needed; a null qualifier gives the identifier alone. */
    public static String quoteQualifiedIdentifier(String qualifier, String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return quote(SpiNative::quoteQualifiedIdentifier, qualifier, identifier);
    }

    /** A string literal ({@code it's} → {@code 'it''s'}, with {@code E'...'} for backslashes); null gives {@code NULL}. */
    public static String quoteLiteral(String literal) {
        return literal == null ? "NULL" : quote((a, b) -> SpiNative.quoteLiteral(a), literal, null);
    }

    /**
     * The server's own quoting function of one or two C strings (null passes NULL), so keywords
     * and encodings are handled as SQL handles them.
     */
    private static String quote(LongBinaryOperator function, String first, String second) {
        Backend.checkThread();
        try (Scratch scratch = Scratch.open()) {
            long a = first == null ? 0 : ServerText.toServer(scratch, first, "text to quote");
            long b = second == null ? 0 : ServerText.toServer(scratch, second, "text to quote");
            long previous = scratch.enter();
            try {
                return ServerEncoding.readCString(function.applyAsLong(a, b));
            } finally {
                Scratch.leave(previous);
            }
        }
    }
}
