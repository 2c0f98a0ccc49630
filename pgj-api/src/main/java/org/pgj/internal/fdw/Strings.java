package org.pgj.internal.fdw;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Native;

/**
 * What fdw.c and Java exchange: strings in the database encoding, each ending in NUL, read and
 * written in an order both sides know. No C layout crosses, so nothing here depends on a major.
 */
final class Strings {
    private final long address;
    private final long end;
    private long next;

    /** A request of fdw.c: {@code length} bytes at {@code address}. */
    Strings(long address, int length) {
        this.address = address;
        this.next = address;
        this.end = address + length;
    }

    String next() {
        long at = next;
        while (at < end && Native.ALL.get(JAVA_BYTE, at) != 0) {
            at++;
        }
        if (at >= end) {
            throw new IllegalStateException("pgj: a foreign data wrapper request ended early at byte " + (next - address));
        }
        String s = ServerEncoding.decode(next, (int) (at - next));
        next = at + 1;
        return s;
    }

    int nextInt() {
        return Integer.parseInt(next());
    }

    long nextLong() {
        return Long.parseLong(next());
    }

    boolean nextFlag() {
        return !next().equals("0");
    }

    /** A count, then that many name and value pairs. */
    Map<String, String> nextOptions() {
        int count = nextInt();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < count; i++) {
            options.put(next(), next());
        }
        return Map.copyOf(options);
    }

    /** An answer for fdw.c. */
    static final class Answer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Answer put(String s) {
            byte[] bytes = ServerEncoding.encode(s);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new IllegalArgumentException("pgj: a foreign data wrapper's text contains a NUL character: " + s);
                }
            }
            out.writeBytes(bytes);
            out.write(0);
            return this;
        }

        Answer put(long value) {
            return put(Long.toString(value));
        }

        Answer put(double value) {
            return put(Double.toString(value));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
