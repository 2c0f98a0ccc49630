package org.pgj.internal.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 as PostgreSQL defines it ({@code pg_utf8_islegal}: no overlong forms, no surrogates,
 * nothing above U+10FFFF), and the lone surrogates a Java string may hold but no UTF-8 can.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

    private Utf8() {
    }

    /**
     * Whether Java's {@code getBytes(UTF_8)} of a string holds 0x00 or '?', the only bytes a NUL
     * or a lone surrogate (which Java replaces with '?') can leave: a check of eight bytes at a
     * time, so that text without either costs no pass over its characters.
     */
    static boolean mayHoldNulOrLoneSurrogate(byte[] bytes) {
        int i = 0;
        long zeros = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long v = (long) LONGS.get(bytes, i);
            long q = v ^ QUESTION_MARKS;
            zeros |= (v - ONES) & ~v | (q - ONES) & ~q; // a byte's high bit: it may be zero (exact for "any")
        }
        if ((zeros & HIGHS) != 0) {
            return true;
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == 0 || bytes[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * The length of the valid UTF-8 character at {@code i}, or 0 if the bytes there are none
     * (an invalid or truncated sequence).
     */
    static int validLength(byte[] bytes, int i, int end) {
        int lead = bytes[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > end) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    /** The index of the first surrogate in {@code s} that is not half of a pair, or -1. */
    static int firstLoneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** How many Java chars the first {@code byteCount} bytes of valid UTF-8 decode to. */
    static int charsIn(byte[] utf8, int byteCount) {
        int chars = 0;
        for (int i = 0; i < byteCount; i++) {
            int b = utf8[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        return chars;
    }
}
