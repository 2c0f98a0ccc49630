package org.pgj.internal.encoding;

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

    /** The first NUL of {@code s}: PostgreSQL text cannot hold one. */
    static void refuseNul(String s, String encoding, String what) {
        // indexOf is vectorized; every encoding's bytes have a 0 exactly where the string has U+0000.
        int nul = s.indexOf(0);
        if (nul >= 0) {
            throw TextEncodingException.nul(encoding, what, nul);
        }
    }
}
