package org.pgj.internal.encoding;

import java.nio.charset.StandardCharsets;

/**
 * A UTF8 database: Java's own UTF-8, the fast path. The server has checked the text it holds, so
 * decoding is checked only when Java put in a replacement character, and encoding only refuses
 * what UTF-8 cannot hold (NUL, lone surrogates) instead of letting Java write '?' for it.
 */
final class Utf8Text implements TextCodec {
    static final Utf8Text INSTANCE = new Utf8Text();

    private Utf8Text() {
    }

    @Override
    public String decode(long address, int length) {
        byte[] bytes = ScratchBytes.copy(address, length);
        String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            checkValid(bytes, length); // a real U+FFFD, or invalid bytes Java replaced
        }
        return s;
    }

    private static void checkValid(byte[] bytes, int length) {
        for (int i = 0; i < length;) {
            int n = Utf8.validLength(bytes, i, length);
            if (n == 0) {
                throw TextEncodingException.invalidBytes("UTF8", bytes, i, Math.min(leadLength(bytes[i]), length - i));
            }
            i += n;
        }
    }

    /** The length a sequence starting with {@code lead} claims, as the server prints invalid ones. */
    private static int leadLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1;
    }

    @Override
    public byte[] encode(String s, String what) {
        return TextCodec.utf8(s, "UTF8", what, null, false);
    }

    @Override
    public int clip(byte[] bytes, int limit) {
        int length = Math.min(bytes.length, limit);
        while (length < bytes.length && length > 0 && (bytes[length] & 0xC0) == 0x80) {
            length--; // a continuation byte: back to the start of its character
        }
        return length;
    }

    @Override
    public String name() {
        return "UTF8";
    }
}
