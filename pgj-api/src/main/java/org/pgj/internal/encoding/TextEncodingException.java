package org.pgj.internal.encoding;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * Text that cannot cross between Java and the database encoding unchanged (22021, naming the
 * encoding). {@link #position()} is where in the source it failed: a char index of a Java string,
 * or a byte offset of server text; lenient conversions for messages carry on from there.
 */
public final class TextEncodingException extends PgException {
    private final int position;
    private final int length;

    private TextEncodingException(String message, String detail, String hint, int position, int length) {
        super(SqlState.CHARACTER_NOT_IN_REPERTOIRE, message, detail, hint);
        this.position = position;
        this.length = length;
    }

    /** Where the failing character starts: a char index (Java to server) or a byte offset (server to Java). */
    public int position() {
        return position;
    }

    /** How many chars or bytes it takes, at least 1. */
    public int length() {
        return length;
    }

    static TextEncodingException nul(String encoding, String what, int index) {
        return new TextEncodingException("invalid byte sequence for encoding \"" + encoding + "\": 0x00",
                "The " + what + " contains a NUL character (\\u0000) at index " + index + ", which PostgreSQL text cannot hold.",
                null, index, 1);
    }

    static TextEncodingException loneSurrogate(String encoding, String what, String s, int index, String hint) {
        return new TextEncodingException("Java string has a lone surrogate " + codePoint(s.charAt(index))
                + ", which has no equivalent in encoding \"" + encoding + "\"",
                "The " + what + " has it at index " + index + "; a surrogate is only half of a character.", hint, index, 1);
    }

    static TextEncodingException noEquivalent(String encoding, String what, String s, int index, byte[] utf8, int offset) {
        int codePoint = s.codePointAt(index);
        return new TextEncodingException("character with byte sequence " + hex(utf8, offset, Utf8.validLength(utf8, offset, utf8.length))
                + " in encoding \"UTF8\" has no equivalent in encoding \"" + encoding + "\"",
                "The " + what + " has " + codePoint(codePoint) + " at index " + index + ".", null, index,
                Character.charCount(codePoint));
    }

    static TextEncodingException invalidBytes(String encoding, byte[] bytes, int offset, int length) {
        return new TextEncodingException("invalid byte sequence for encoding \"" + encoding + "\": " + hex(bytes, offset, length),
                "Text read from the server at byte " + offset + " is not valid in the database encoding.", null, offset, length);
    }

    static TextEncodingException noUnicodeEquivalent(String encoding, byte[] bytes, int offset, int length) {
        return new TextEncodingException("character with byte sequence " + hex(bytes, offset, length) + " in encoding \""
                + encoding + "\" has no equivalent in encoding \"UTF8\"",
                "Java strings hold Unicode text, and this character of the text read at byte " + offset + " has none.",
                null, offset, length);
    }

    static TextEncodingException oneWay(String encoding, byte[] bytes, int offset, int length) {
        return new TextEncodingException("character with byte sequence " + hex(bytes, offset, length) + " in encoding \""
                + encoding + "\" has no equivalent in encoding \"UTF8\" that converts back to it",
                "The server's conversion gives a character that converts back to other bytes of " + encoding
                        + ", so Java cannot hold the text read at byte " + offset + " unchanged.", null, offset, length);
    }

    static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    /** As the server prints bytes in encoding errors: {@code 0xe2 0x86 0x92}. */
    static String hex(byte[] bytes, int offset, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < offset + Math.max(length, 1) && i < bytes.length; i++) {
            sb.append(sb.isEmpty() ? "" : " ").append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
