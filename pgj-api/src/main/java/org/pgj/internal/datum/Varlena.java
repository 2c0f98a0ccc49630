package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.Native.ALL;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
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
    private static long detoast;
    private static MethodHandle pallocExtended;
    private static long noOom;
    private static long maxAlloc;
    private static MethodHandle databaseEncoding;
    private static long serverToAny;
    private static long anyToServer;
    private static int utf8;
    private static int sqlAscii;
    /** True when text needs no conversion: a UTF8 or SQL_ASCII database. */
    private static boolean plainUtf8 = true;

    private Varlena() {
    }

    public static void init() {
        detoast = Facts.get("fn.pg_detoast_datum_packed");
        pallocExtended = Native.downcall(Facts.get("fn.palloc_extended"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), true);
        noOom = Facts.get("MCXT_ALLOC_NO_OOM");
        maxAlloc = Facts.get("MaxAllocSize");
        databaseEncoding = Native.downcall(Facts.get("fn.pgj_database_encoding"), FunctionDescriptor.of(JAVA_LONG), true);
        utf8 = Facts.getInt("PG_UTF8");
        sqlAscii = Facts.getInt("PG_SQL_ASCII");
        refreshEncoding();
    }

    /** Reads the database encoding; it is fixed once the backend is connected. */
    public static void refreshEncoding() {
        try {
            int encoding = (int) (long) databaseEncoding.invokeExact();
            plainUtf8 = encoding == utf8 || encoding == sqlAscii;
            if (!plainUtf8 && serverToAny == 0) {
                serverToAny = Native.lookupServerSymbol("pg_server_to_any");
                anyToServer = Native.lookupServerSymbol("pg_any_to_server");
            }
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Address of an in-line, uncompressed varlena with a 1- or 4-byte header. */
    private static long inline(long datum) {
        byte first = ALL.get(JAVA_BYTE, datum);
        boolean oneByteHeader = (first & 0x01) != 0;
        boolean external = first == 0x01;
        boolean compressed = !oneByteHeader && (first & 0x03) == 0x02;
        return external || compressed ? Guard.call(detoast, datum) : datum;
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
        int length = dataLength(value);
        long data = value + dataOffset(value);
        if (!plainUtf8) {
            long converted = Guard.call(serverToAny, data, length, utf8);
            if (converted != data) {
                return Native.readCString(converted);
            }
        }
        return Native.readUtf8(data, length);
    }

    public static long writeBytes(byte[] bytes) {
        return write(bytes, bytes.length);
    }

    public static long writeText(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == 0) {
                throw new PgException(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                        "invalid byte sequence for encoding \"UTF8\": 0x00",
                        "A Java string with a NUL character (\\u0000) cannot become text.", null);
            }
        }
        if (!plainUtf8) {
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                long source = arena.allocateFrom(JAVA_BYTE, bytes).address();
                long converted = Guard.call(anyToServer, source, bytes.length, utf8);
                byte[] server = Native.readCBytes(converted);
                return write(server, server.length);
            }
        }
        return write(bytes, bytes.length);
    }

    private static long write(byte[] bytes, int length) {
        long size = (long) length + HEADER;
        if (size > maxAlloc) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "value of " + length + " bytes is too large for a varlena (at most " + (maxAlloc - HEADER) + ")");
        }
        long address = palloc(size);
        ALL.set(JAVA_INT_UNALIGNED, address, (int) (size << 2));
        MemorySegment.copy(bytes, 0, ALL, JAVA_BYTE, address + HEADER, length);
        return address;
    }

    /** palloc in the current memory context; out of memory is a Java exception, not a longjmp. */
    public static long palloc(long size) {
        long address;
        try {
            address = (long) pallocExtended.invokeExact(size, noOom);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (address == 0) {
            throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "Failed on request of size " + size + ".", null);
        }
        return address;
    }
}
