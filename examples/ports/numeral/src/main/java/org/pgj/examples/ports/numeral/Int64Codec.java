package org.pgj.examples.ports.numeral;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.types.TypeCodec;

/**
 * The forms of a type that is a {@code bigint} by another name: stored as the {@code bigint}'s
 * Datum (eight bytes in the server's byte order, so that the casts to and from {@code bigint} need
 * no function), sent as {@code int8send} sends one (eight bytes in network order, so a binary COPY
 * of a {@code bigint} column loads into it), and written as words. Input errors read as the
 * original's: {@code invalid input syntax for type numeral: "x", syntax error, unexpected ...}.
 *
 * @param <T> the type
 */
abstract class Int64Codec<T> implements TypeCodec<T> {
    private final String sqlName;

    Int64Codec(String sqlName) {
        this.sqlName = sqlName;
    }

    abstract long valueOf(T value);

    abstract T of(long value);

    /** The words of a value. */
    abstract String format(long value);

    /** The value of words; {@link IllegalArgumentException} saying why not, {@link ArithmeticException} on overflow. */
    abstract long parse(String text);

    @Override
    public final String toText(T value) {
        return format(valueOf(value));
    }

    @Override
    public final T fromText(String text) {
        try {
            return of(parse(text));
        } catch (ArithmeticException e) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type "
                    + sqlName);
        } catch (IllegalArgumentException e) {
            throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + sqlName + ": \""
                    + text + "\", " + e.getMessage());
        }
    }

    @Override
    public final byte[] toBinary(T value) {
        return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(valueOf(value)).array();
    }

    @Override
    public final T fromBinary(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getLong());
    }

    @Override
    public final boolean ownsWireFormat() {
        return true;
    }

    @Override
    public final byte[] send(T value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(valueOf(value)).array();
    }

    @Override
    public final T receive(byte[] message) {
        if (message.length != Long.BYTES) {
            throw new IllegalArgumentException("a " + sqlName + " is sent as 8 bytes, as a bigint is; got " + message.length);
        }
        return of(ByteBuffer.wrap(message).getLong());
    }
}
