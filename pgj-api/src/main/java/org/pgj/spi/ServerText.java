package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.Native.ALL;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;

/**
 * Java strings to and from C strings in the database encoding (SQL text, names, text forms
 * of values). UTF8 and SQL_ASCII databases need no conversion; others go through the server's
 * own conversion.
 */
final class ServerText {
    private static boolean plainUtf8 = true;

    private ServerText() {
    }

    /** Reads the database encoding; a connection scope calls it, as a background worker may connect late. */
    static void refreshEncoding() {
        int encoding = (int) Native.direct(SpiNative.DATABASE_ENCODING);
        plainUtf8 = encoding == SpiNative.UTF8 || encoding == SpiNative.SQL_ASCII;
    }

    /** A NUL-terminated copy in the server encoding, allocated in {@code scratch}. */
    static long toServer(Scratch scratch, String s, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == 0) {
                throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00",
                        "The " + what + " contains a NUL character (\\u0000), which PostgreSQL strings cannot hold.", null);
            }
        }
        long address = scratch.alloc(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, ALL, JAVA_BYTE, address, bytes.length);
        ALL.set(JAVA_BYTE, address + bytes.length, (byte) 0);
        if (plainUtf8) {
            return address;
        }
        long previous = scratch.enter();
        try {
            return Guard.call(SpiNative.ANY_TO_SERVER, address, bytes.length, SpiNative.UTF8);
        } finally {
            Scratch.leave(previous);
        }
    }

    /** Recently read names by hash: a statement run in a loop reads the same column names each time. */
    private static final byte[][] NAME_BYTES = new byte[256][];
    private static final String[] NAMES = new String[256];

    /** A name (a column's); the same as {@link #fromServer}, without decoding it again when it repeats. */
    static String name(Scratch scratch, long address) {
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
        String name = fromServer(scratch, address);
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

    /** A C string in the server encoding; any conversion allocates in {@code scratch}. */
    static String fromServer(Scratch scratch, long address) {
        if (address == 0) {
            return null;
        }
        if (plainUtf8) {
            return Native.readCString(address);
        }
        int length = Native.readCBytes(address).length;
        long previous = scratch.enter();
        try {
            return Native.readCString(Guard.call(SpiNative.SERVER_TO_ANY, address, length, SpiNative.UTF8));
        } finally {
            Scratch.leave(previous);
        }
    }
}
