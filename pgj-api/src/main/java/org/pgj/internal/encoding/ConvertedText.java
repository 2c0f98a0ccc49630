package org.pgj.internal.encoding;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Any other database encoding (LATIN1, WIN1252, EUC_JP, ...): Java's UTF-8 goes through the
 * server's own conversions (pgj-native's encoding.c), so Java sees exactly what a UTF-8 client
 * would. Pure ASCII, the same bytes in every server encoding, skips the server.
 */
final class ConvertedText implements TextCodec {
    private static final long CONVERT = Facts.get("fn.pgj_convert_text");
    private static final long CLIP = Facts.get("fn.pg_encoding_mbcliplen");
    private static final long PFREE = Facts.get("fn.pfree");
    /** pgj_convert_text's out[5]: one is enough, nothing it calls comes back to Java. */
    private static final long OUT = Arena.global().allocate(JAVA_LONG, 5).address();

    private final int encoding;
    private final String name;

    ConvertedText(int encoding, String name) {
        this.encoding = encoding;
        this.name = name;
    }

    @Override
    public String decode(long address, int length) {
        byte[] bytes = ScratchBytes.copy(address, length);
        String s = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (s.length() == length && s.indexOf('\uFFFD') < 0) {
            return s; // one char per byte, none replaced: ASCII
        }
        Converted c = convert(address, length, false);
        if (c.converted < length) {
            throw c.badLength < 0 ? TextEncodingException.invalidBytes(name, bytes, c.converted, -c.badLength)
                    : c.oneWay ? TextEncodingException.oneWay(name, bytes, c.converted, c.badLength)
                    : TextEncodingException.noUnicodeEquivalent(name, bytes, c.converted, c.badLength);
        }
        return new String(c.bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] encode(String s, String what) {
        byte[] utf8 = TextCodec.utf8(s, name, what, null, false);
        if (utf8.length == s.length()) {
            return utf8; // ASCII
        }
        Converted c;
        try (Arena arena = Arena.ofConfined()) {
            c = convert(arena.allocateFrom(JAVA_BYTE, utf8).address(), utf8.length, true);
        }
        if (c.converted < utf8.length) {
            throw TextEncodingException.noEquivalent(name, what, s, Utf8.charsIn(utf8, c.converted), utf8, c.converted);
        }
        return c.bytes;
    }

    /** 0, or -1 when the conversion cannot be looked up now (outside a transaction); see encoding.c. */
    @CFunction("int32 pgj_convert_text(const char *, int64, bool, int64 *)")
    private static int convertText(long source, long length, boolean toServer, long out) {
        return (int) Guard.call(CONVERT, source, length, toServer ? 1 : 0, out);
    }

    @CFunction(value = "void pfree(void *)", header = "utils/palloc.h", call = CFunction.Call.DIRECT)
    private static void pfree(long pointer) {
        Native.direct(PFREE, pointer);
    }

    /** How many of the first {@code length} bytes fit in {@code limit} without cutting a character. */
    @CFunction(value = "int pg_encoding_mbcliplen(int, const char *, int, int)", header = "mb/pg_wchar.h")
    private static int mbcliplen(int encoding, long bytes, int length, int limit) {
        return (int) Guard.call(CLIP, encoding, bytes, length, limit);
    }

    /**
     * What pgj_convert_text made: the bytes, how many source bytes, the failing character's
     * length (negative: invalid), and whether it failed for converting back to other bytes.
     */
    private record Converted(byte[] bytes, int converted, int badLength, boolean oneWay) {
    }

    private static Converted convert(long source, int length, boolean toServer) {
        if (convertText(source, length, toServer, OUT) < 0) {
            throw new PgException(SqlState.INVALID_TRANSACTION_STATE, "text cannot be converted "
                    + (toServer ? "to" : "from") + " the database encoding outside a transaction", null,
                    "The server looks its conversion up in the catalogs, the first time, inside a transaction.");
        }
        long result = ALL.get(JAVA_LONG, OUT);
        try {
            byte[] bytes = new byte[(int) ALL.get(JAVA_LONG, OUT + 8)];
            MemorySegment.copy(ALL, JAVA_BYTE, result, bytes, 0, bytes.length);
            return new Converted(bytes, (int) ALL.get(JAVA_LONG, OUT + 16), (int) ALL.get(JAVA_LONG, OUT + 24),
                    ALL.get(JAVA_LONG, OUT + 32) != 0);
        } finally {
            pfree(result);
        }
    }

    @Override
    public int clip(byte[] bytes, int limit) {
        if (bytes.length <= limit) {
            return bytes.length;
        }
        try (Arena arena = Arena.ofConfined()) {
            long address = arena.allocateFrom(JAVA_BYTE, bytes).address();
            return mbcliplen(encoding, address, bytes.length, limit);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean javaOnly() {
        return false;
    }
}
