package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static org.pgj.internal.Native.ALL;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.Facts;
import org.pgj.internal.Guard;
import org.pgj.internal.Native;

/**
 * Variable-length values (text, bytea) read and written in Java. Plain in-line values are
 * read in place; compressed or out-of-line (TOASTed) ones are detoasted by the server first.
 * Header bit layouts are those of little-endian builds (pgj.h refuses others).
 */
public final class Varlena {
    private static final int HEADER = 4;
    private static final long DETOAST = Facts.get("fn.pg_detoast_datum_packed");
    private static final long PALLOC_EXTENDED = Facts.get("fn.palloc_extended");
    private static final long NO_OOM = Facts.get("MCXT_ALLOC_NO_OOM");
    private static final long MAX_ALLOC = Facts.get("MaxAllocSize");
    private static final long DATABASE_ENCODING = Facts.get("fn.pgj_database_encoding");
    private static final int UTF8 = Facts.getInt("PG_UTF8");
    private static final int SQL_ASCII = Facts.getInt("PG_SQL_ASCII");
    private static long serverToAny;
    private static long anyToServer;
    /** True when text needs no conversion: a UTF8 or SQL_ASCII database. */
    private static boolean plainUtf8 = true;

    private Varlena() {
    }

    /**
     * Reads the database encoding. It is fixed once a backend is connected, but a background
     * worker runs Java before it connects, so each function resolution reads it again.
     */
    public static void refreshEncoding() {
        useEncoding((int) Native.direct(DATABASE_ENCODING));
    }

    /** Sets the database encoding the native side reported (it knows it without a downcall). */
    public static void useEncoding(int encoding) {
        plainUtf8 = encoding == UTF8 || encoding == SQL_ASCII;
        if (!plainUtf8 && serverToAny == 0) {
            serverToAny = Facts.get("fn.pg_server_to_any");
            anyToServer = Facts.get("fn.pg_any_to_server");
        }
    }

    /** Address of an in-line, uncompressed varlena with a 1- or 4-byte header. */
    private static long inline(long datum) {
        byte first = ALL.get(JAVA_BYTE, datum);
        boolean oneByteHeader = (first & 0x01) != 0;
        boolean external = first == 0x01;
        boolean compressed = !oneByteHeader && (first & 0x03) == 0x02;
        return external || compressed ? Guard.call(DETOAST, datum) : datum;
    }

    private static int dataOffset(long value) {
        return (ALL.get(JAVA_BYTE, value) & 0x01) != 0 ? 1 : HEADER;
    }

    private static int dataLength(long value) {
        byte first = ALL.get(JAVA_BYTE, value);
        if ((first & 0x01) != 0) {
            return ((first & 0xFF) >>> 1) - 1;
        }
        return (ALL.get(JAVA_INT_UNALIGNED, value) >>> 2) - HEADER;
    }

    public static byte[] readBytes(long datum) {
        long value = inline(datum);
        int length = dataLength(value);
        byte[] bytes = new byte[length];
        MemorySegment.copy(ALL, JAVA_BYTE, value + dataOffset(value), bytes, 0, length);
        return bytes;
    }

    public static String readText(long datum) {
        long value = inline(datum);
        return decode(value + dataOffset(value), dataLength(value));
    }

    /** Server-encoded text at {@code data} as a Java string. */
    public static String decode(long data, int length) {
        if (!plainUtf8) {
            long converted = Guard.call(serverToAny, data, length, UTF8);
            if (converted != data) {
                return Native.readCString(converted);
            }
        }
        byte[] bytes = length <= SCRATCH_MAX ? scratch(length) : new byte[length];
        MemorySegment.copy(ALL, JAVA_BYTE, data, bytes, 0, length);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Text is copied out of server memory into a buffer kept per thread and decoded from it, which
     * saves allocating (and zeroing) a byte[] per value; values above 16 MB get their own.
     */
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_MAX = 16 << 20;

    private static byte[] scratch(int length) {
        byte[] buffer = SCRATCH.get();
        if (buffer == null || buffer.length < length) {
            buffer = new byte[Math.max(length, Math.min(SCRATCH_MAX, buffer == null ? 256 : buffer.length * 2))];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /** The bytes of a detoasted, in-line copy of a varlena: its address, data offset and length. */
    public static long detoasted(long datum) {
        return inline(datum);
    }

    public static int dataOffsetOf(long value) {
        return dataOffset(value);
    }

    public static int dataLengthOf(long value) {
        return dataLength(value);
    }

    public static long writeBytes(byte[] bytes) {
        return write(bytes, bytes.length);
    }

    public static long writeText(String s) {
        byte[] server = encode(s);
        return write(server, server.length);
    }

    /** A Java string in the server encoding; NUL is refused as the server refuses it (22021). */
    public static byte[] encode(String s) {
        // indexOf is vectorized; the encoded bytes have a 0 exactly where the string has U+0000.
        if (s.indexOf(0) >= 0) {
            throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                    "invalid byte sequence for encoding \"UTF8\": 0x00",
                    "A Java string with a NUL character (\\u0000) cannot become text.", null);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (!plainUtf8) {
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                long source = arena.allocateFrom(JAVA_BYTE, bytes).address();
                long converted = Guard.call(anyToServer, source, bytes.length, UTF8);
                return Native.readCBytes(converted);
            }
        }
        return bytes;
    }

    /** A palloc'd NUL-terminated copy of a Java string in the server encoding (a cstring Datum). */
    public static long writeCString(String s) {
        byte[] server = encode(s);
        long address = palloc(server.length + 1L);
        MemorySegment.copy(server, 0, ALL, JAVA_BYTE, address, server.length);
        ALL.set(JAVA_BYTE, address + server.length, (byte) 0);
        return address;
    }

    /** A cstring Datum as a Java string. */
    public static String readCString(long address) {
        long end = address;
        while (ALL.get(JAVA_BYTE, end) != 0) {
            end++;
        }
        return decode(address, Math.toIntExact(end - address));
    }

    private static long write(byte[] bytes, int length) {
        long address = allocate(length);
        MemorySegment.copy(bytes, 0, ALL, JAVA_BYTE, address + HEADER, length);
        return address;
    }

    /** A new varlena with room for {@code length} data bytes, its 4-byte header set. */
    public static long allocate(long length) {
        long size = length + HEADER;
        if (size > MAX_ALLOC) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "value of " + length + " bytes is too large for a varlena (at most " + (MAX_ALLOC - HEADER) + ")");
        }
        long address = palloc(size);
        ALL.set(JAVA_INT_UNALIGNED, address, (int) (size << 2));
        return address;
    }

    /** palloc in the current memory context; out of memory is a Java exception, not a longjmp. */
    public static long palloc(long size) {
        if (size > MAX_ALLOC) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "invalid memory alloc request size " + size);
        }
        long address = Native.direct(PALLOC_EXTENDED, size, NO_OOM);
        if (address == 0) {
            throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "Failed on request of size " + size + ".", null);
        }
        return address;
    }
}
