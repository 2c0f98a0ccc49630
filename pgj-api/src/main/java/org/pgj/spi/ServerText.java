package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.MemorySegment;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * Java strings as C strings in the database encoding (SQL text, names, text forms of values) for
 * SPI operations: copies go into the operation's scratch memory, and column names that repeat
 * are not decoded again. The encoding itself is {@link ServerEncoding}'s.
 */
final class ServerText {
    private ServerText() {
    }

    /** A NUL-terminated copy in the server encoding, allocated in {@code scratch}; {@code what} names it in errors. */
    static long toServer(Scratch scratch, String s, String what) {
        byte[] bytes = ServerEncoding.encode(s, what);
        scratch.holds(bytes.length + 1L);
        long previous = scratch.enter();
        try {
            return Varlena.writeCString(bytes);
        } finally {
            Scratch.leave(previous);
        }
    }

    /** Recently read names by hash: a statement run in a loop reads the same column names each time. */
    private static final byte[][] NAME_BYTES = new byte[256][];
    private static final String[] NAMES = new String[256];

    /** A name (a column's), without decoding it again when it repeats. */
    static String name(long address) {
        int length = 0;
        int hash = 0;
        for (byte b; (b = ALL.get(JAVA_BYTE, address + length)) != 0; length++) {
            hash = 31 * hash + b;
        }
        int slot = (hash ^ length) & (NAMES.length - 1);
        byte[] known = NAME_BYTES[slot];
        if (known != null && known.length == length && sameBytes(known, address)) {
            return NAMES[slot];
        }
        String name = ServerEncoding.decode(address, length);
        byte[] bytes = new byte[length];
        MemorySegment.copy(ALL, JAVA_BYTE, address, bytes, 0, length);
        NAME_BYTES[slot] = bytes;
        NAMES[slot] = name;
        return name;
    }

    private static boolean sameBytes(byte[] bytes, long address) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != ALL.get(JAVA_BYTE, address + i)) {
                return false;
            }
        }
        return true;
    }
}
