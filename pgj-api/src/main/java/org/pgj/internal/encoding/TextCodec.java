package org.pgj.internal.encoding;

import java.nio.charset.StandardCharsets;

/** How Java strings and the bytes of one database encoding map to each other, both ways exactly. */
interface TextCodec {
    /** The string the {@code length} bytes at {@code address} hold; {@link TextEncodingException} if they hold none. */
    String decode(long address, int length);

    /**
     * The bytes of {@code s} (no NUL); {@link TextEncodingException} at the first character the
     * encoding has no bytes for. {@code what} names the string in that error ("text", "statement").
     */
    byte[] encode(String s, String what);

    /** How many of the first {@code limit} bytes hold whole characters (name values are cut there). */
    int clip(byte[] bytes, int limit);

    /** The encoding's name, as the server spells it. */
    String name();

    /** Whether it converts without calling the server, so also while a server error is pending. */
    default boolean javaOnly() {
        return true;
    }

    /**
     * Java's UTF-8 of {@code s}, refusing a NUL (PostgreSQL text cannot hold one) and, unless
     * {@code escapes} says which stand for bytes, lone surrogates (for which Java writes '?').
     * Returns null when {@code s} holds lone surrogates that {@code escapes} accepts.
     */
    static byte[] utf8(String s, String encoding, String what, String hint, boolean escapes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (Utf8.mayHoldNulOrLoneSurrogate(bytes)) {
            int nul = s.indexOf(0);
            if (nul >= 0) {
                throw TextEncodingException.nul(encoding, what, nul);
            }
            int lone = Utf8.firstLoneSurrogate(s);
            if (lone >= 0) {
                if (escapes) {
                    return null;
                }
                throw TextEncodingException.loneSurrogate(encoding, what, s, lone, hint);
            }
        }
        return bytes;
    }
}
