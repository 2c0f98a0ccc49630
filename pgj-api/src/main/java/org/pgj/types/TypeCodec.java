package org.pgj.types;

import java.nio.charset.StandardCharsets;

/**
 * The text and binary forms of a {@link PgType}, when JSON is not the one wanted. The binary
 * form is what the server stores (TOAST compresses it; of exactly {@link PgType#internalLength()}
 * bytes for a fixed-length type) and, after a version byte, what binary-protocol clients send and
 * receive, unless the codec {@link #ownsWireFormat()}; by default it is the text form's UTF-8 bytes. Values are never null: NULL is
 * handled by pgj. A thrown {@link IllegalArgumentException} (or any other exception) while
 * reading becomes the server's "invalid input syntax" error (22P02 for text, 22P03 for binary).
 *
 * @param <T> the type
 */
public interface TypeCodec<T> {
    /** The value's text form, which {@link #fromText} reads back. */
    String toText(T value);

    /** A value from its text form; throws on malformed input. */
    T fromText(String text);

    /** The value's binary form, which {@link #fromBinary} reads back. */
    default byte[] toBinary(T value) {
        return toText(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A value from its binary form; throws on malformed input. */
    default T fromBinary(byte[] bytes) {
        return fromText(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Whether {@link #send} and {@link #receive} are this codec's own wire format. When false (the
     * default), the type's send function writes a version byte (1) and then {@link #toBinary}, as
     * {@code jsonb} does, and its receive function reads that back.
     */
    default boolean ownsWireFormat() {
        return false;
    }

    /**
     * The message a binary-protocol client or {@code COPY ... (FORMAT binary)} gets, when
     * {@link #ownsWireFormat()}: all of it, with no byte of pgj's (to match an existing format,
     * such as {@code int8send}'s eight bytes in network byte order).
     */
    default byte[] send(T value) {
        return toBinary(value);
    }

    /** A value from a whole message that {@link #send} wrote, when {@link #ownsWireFormat()}. */
    default T receive(byte[] message) {
        return fromBinary(message);
    }
}
