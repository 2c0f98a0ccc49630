package org.pgj.internal.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A SQL_ASCII database, whose text is bytes of no declared encoding. Every byte string maps to a
 * Java string and back unchanged: valid UTF-8 reads as its characters (UTF-8 text stored there
 * reads naturally), and each other byte 0x80-0xFF as the lone surrogate U+DC80-U+DCFF, which
 * writes back as that byte (Python's "surrogateescape"). A Java string with any other lone
 * surrogate stands for no bytes and is refused.
 */
final class SqlAsciiText implements TextCodec {
    static final SqlAsciiText INSTANCE = new SqlAsciiText();
    private static final int ESCAPES = 0xDC00;
    private static final String HINT = "In a SQL_ASCII database, U+DC80 to U+DCFF stand for the bytes 0x80 to 0xFF "
            + "that are not part of valid UTF-8; other lone surrogates stand for no bytes.";

    private SqlAsciiText() {
    }

    @Override
    public String decode(long address, int length) {
        byte[] bytes = ScratchBytes.copy(address, length);
        String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') < 0 ? s : escaping(bytes, length);
    }

    private static String escaping(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length;) {
            int n = Utf8.validLength(bytes, i, length);
            if (n == 0) {
                sb.append((char) (ESCAPES | (bytes[i] & 0xFF)));
                i++;
            } else {
                sb.append(new String(bytes, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    @Override
    public byte[] encode(String s, String what) {
        byte[] bytes = TextCodec.utf8(s, "SQL_ASCII", what, HINT, true);
        return bytes != null ? bytes : unescaping(s, Utf8.firstLoneSurrogate(s), what);
    }

    /** Lone surrogates U+DC80-U+DCFF become their bytes; {@code lone} is the first lone one. */
    private static byte[] unescaping(String s, int lone, String what) {
        byte[] prefix = s.substring(0, lone).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(prefix, prefix.length + 4 * (s.length() - lone));
        int length = prefix.length;
        for (int i = lone; i < s.length();) {
            int c = s.codePointAt(i);
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (c < 0xDC80 || c > 0xDCFF) {
                    throw TextEncodingException.loneSurrogate("SQL_ASCII", what, s, i, HINT);
                }
                out[length++] = (byte) c;
            } else {
                length += utf8(c, out, length);
            }
            i += Character.charCount(c);
        }
        return Arrays.copyOf(out, length);
    }

    private static int utf8(int c, byte[] out, int at) {
        if (c < 0x80) {
            out[at] = (byte) c;
            return 1;
        }
        if (c < 0x800) {
            out[at] = (byte) (0xC0 | c >> 6);
            out[at + 1] = (byte) (0x80 | c & 0x3F);
            return 2;
        }
        if (c < 0x10000) {
            out[at] = (byte) (0xE0 | c >> 12);
            out[at + 1] = (byte) (0x80 | c >> 6 & 0x3F);
            out[at + 2] = (byte) (0x80 | c & 0x3F);
            return 3;
        }
        out[at] = (byte) (0xF0 | c >> 18);
        out[at + 1] = (byte) (0x80 | c >> 12 & 0x3F);
        out[at + 2] = (byte) (0x80 | c >> 6 & 0x3F);
        out[at + 3] = (byte) (0x80 | c & 0x3F);
        return 4;
    }

    /** The server cuts SQL_ASCII names at the byte: it knows no characters there. */
    @Override
    public int clip(byte[] bytes, int limit) {
        return Math.min(bytes.length, limit);
    }

    @Override
    public String name() {
        return "SQL_ASCII";
    }
}
