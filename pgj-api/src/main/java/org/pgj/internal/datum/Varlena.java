package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.MemorySegment;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * Variable-length values (text, bytea) read and written in Java; text in the database encoding
 * ({@link ServerEncoding}). Plain in-line values are read in place; compressed or out-of-line
 * (TOASTed) ones are detoasted by the server first.
 * Header bit layouts are those of little-endian builds (pgj.h refuses others).
 */
public final class Varlena {
    private static final int HEADER = 4;
    private static final long PG_DETOAST_DATUM = Facts.get("fn.pg_detoast_datum");
    private static final long PG_DETOAST_DATUM_PACKED = Facts.get("fn.pg_detoast_datum_packed");
    private static final long PALLOC_EXTENDED = Facts.get("fn.palloc_extended");
    private static final int NO_OOM = Facts.getInt("MCXT_ALLOC_NO_OOM");
    private static final long MAX_ALLOC = Facts.get("MaxAllocSize");

    private Varlena() {
    }

    /** Address of an in-line, uncompressed varlena with a 1- or 4-byte header. */
    private static long inline(long datum) {
        byte first = ALL.get(JAVA_BYTE, datum);
        boolean oneByteHeader = (first & 0x01) != 0;
        boolean external = first == 0x01;
        boolean compressed = !oneByteHeader && (first & 0x03) == 0x02;
        return external || compressed ? pgDetoastDatumPacked(datum) : datum;
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
        return ServerEncoding.decode(value + dataOffset(value), dataLength(value));
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
        byte[] server = ServerEncoding.encode(s);
        return write(server, server.length);
    }

    /** A palloc'd NUL-terminated copy of a Java string in the server encoding (a cstring Datum). */
    public static long writeCString(String s) {
        return writeCString(ServerEncoding.encode(s));
    }

    /** A palloc'd NUL-terminated copy of bytes in the server encoding. */
    public static long writeCString(byte[] server) {
        long address = palloc(server.length + 1L);
        MemorySegment.copy(server, 0, ALL, JAVA_BYTE, address, server.length);
        ALL.set(JAVA_BYTE, address + server.length, (byte) 0);
        return address;
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
        long address = pallocExtended(size, NO_OOM);
        if (address == 0) {
            throw new PgException(SqlState.OUT_OF_MEMORY, "out of memory",
                    "Failed on request of size " + size + ".", null);
        }
        return address;
    }

    /** The value in line and uncompressed, with a 4-byte header: a palloc'd copy unless it already is. */
    @CFunction(value = "struct varlena *pg_detoast_datum(struct varlena *)", header = "fmgr.h")
    static long pgDetoastDatum(long datum) {
        return Guard.call(PG_DETOAST_DATUM, datum);
    }

    /** The same, but a short (1-byte) header may stay. */
    @CFunction(value = "struct varlena *pg_detoast_datum_packed(struct varlena *)", header = "fmgr.h")
    private static long pgDetoastDatumPacked(long datum) {
        return Guard.call(PG_DETOAST_DATUM_PACKED, datum);
    }

    @CFunction(value = "void *palloc_extended(Size, int)", header = "utils/palloc.h", call = CFunction.Call.DIRECT)
    private static long pallocExtended(long size, int flags) {
        return Native.direct(PALLOC_EXTENDED, size, flags);
    }
}
