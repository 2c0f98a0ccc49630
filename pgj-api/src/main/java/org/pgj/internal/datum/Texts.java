package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.MemorySegment;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * String types other than the text varlenas: {@code name} (a fixed, NUL-padded array),
 * {@code cstring}, {@code json} (text, checked by json's input function on the way in) and
 * {@code jsonb} (through its text form).
 */
public final class Texts {
    private static final int NAMEDATALEN = Facts.getInt("NAMEDATALEN");
    private static final int JSON = Facts.getInt("JSONOID");
    private static final int JSONB = Facts.getInt("JSONBOID");

    private Texts() {
    }

    public static String nameFrom(long d) {
        return ServerEncoding.readCString(d);
    }

    /** Too long a name is cut at a character boundary, as the server's name input does. */
    public static long nameTo(String s) {
        byte[] bytes = ServerEncoding.encode(s);
        int length = ServerEncoding.clip(bytes, NAMEDATALEN - 1);
        long address = Varlena.palloc(NAMEDATALEN);
        ALL.asSlice(address, NAMEDATALEN).fill((byte) 0);
        MemorySegment.copy(bytes, 0, ALL, JAVA_BYTE, address, length);
        return address;
    }

    public static String cstringFrom(long d) {
        return ServerEncoding.readCString(d);
    }

    public static long cstringTo(String s) {
        return Varlena.writeCString(s);
    }

    public static String jsonFrom(long d) {
        return Varlena.readText(d);
    }

    /** Through json's input function, so that invalid JSON is the server's own 22P02. */
    public static long jsonTo(String s) {
        return TextForms.in(JSON, s);
    }

    public static String jsonbFrom(long d) {
        return TextForms.out(JSONB, d);
    }

    public static long jsonbTo(String s) {
        return TextForms.in(JSONB, s);
    }
}
