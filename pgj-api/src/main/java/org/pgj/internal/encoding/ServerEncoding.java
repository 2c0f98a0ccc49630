package org.pgj.internal.encoding;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * Every string that crosses between Java and the server goes through here: values, SQL text,
 * names, messages. Text passes byte for byte, or fails with 22021 naming the encoding
 * ({@link TextEncodingException}); it is never changed silently. How depends on the database
 * encoding: UTF8 is Java's own ({@link Utf8Text}), SQL_ASCII maps bytes that are not UTF-8 to lone
 * surrogates and back ({@link SqlAsciiText}), any other goes through the server's conversions
 * ({@link ConvertedText}).
 *
 * <p>Messages (errors, log lines) are never refused, since that would hide what they report: what
 * the encoding cannot hold is written as an escape ({@code \u2192}, {@code \xff}) instead.
 */
public final class ServerEncoding {
    private static final long DATABASE_ENCODING = Facts.get("fn.GetDatabaseEncoding");
    private static final long ENCODING_NAME = Facts.get("fn.GetDatabaseEncodingName");
    private static final int UTF8 = Facts.getInt("PG_UTF8");
    private static final int SQL_ASCII = Facts.getInt("PG_SQL_ASCII");
    /** Escapes written into one message before the rest of it is escaped wholesale. */
    private static final int MESSAGE_ESCAPES = 32;

    /** Set by Boot before any text crosses (a query hook may meet text before any function resolves). */
    private static int encoding = UTF8;
    private static TextCodec codec = Utf8Text.INSTANCE;

    private ServerEncoding() {
    }

    /**
     * Reads the database encoding. It is fixed once a backend is connected, but a background
     * worker runs Java before it connects (as SQL_ASCII), so connecting reads it again.
     */
    public static void refresh() {
        use(getDatabaseEncoding());
    }

    @CFunction(value = "int GetDatabaseEncoding(void)", header = "mb/pg_wchar.h", call = CFunction.Call.DIRECT)
    private static int getDatabaseEncoding() {
        return (int) Native.direct(DATABASE_ENCODING);
    }

    @CFunction(value = "const char *GetDatabaseEncodingName(void)", header = "mb/pg_wchar.h", call = CFunction.Call.DIRECT)
    private static long getDatabaseEncodingName() {
        return Native.direct(ENCODING_NAME);
    }

    /** Sets the database encoding the native side reported (it knows it without a downcall). */
    public static void use(int databaseEncoding) {
        if (databaseEncoding != encoding) {
            use(databaseEncoding, databaseEncoding == UTF8 || databaseEncoding == SQL_ASCII ? null
                    : Native.readCString(getDatabaseEncodingName()));
        }
    }

    /** The same with the encoding's name, which a converting codec needs: from Boot, without a downcall. */
    public static void use(int databaseEncoding, String encodingName) {
        if (databaseEncoding == encoding) {
            return;
        }
        encoding = databaseEncoding;
        codec = databaseEncoding == UTF8 ? Utf8Text.INSTANCE
                : databaseEncoding == SQL_ASCII ? SqlAsciiText.INSTANCE
                : new ConvertedText(databaseEncoding, encodingName);
    }

    /** The database encoding's name, as the server spells it. */
    public static String name() {
        return codec.name();
    }

    /** Server text of {@code length} bytes at {@code address} as a Java string. */
    public static String decode(long address, int length) {
        return codec.decode(address, length);
    }

    /** A NUL-terminated server string as a Java string; null for address 0. */
    public static String readCString(long address) {
        return address == 0 ? null : codec.decode(address, cStringLength(address));
    }

    /** A Java string in the server encoding (without a NUL). */
    public static byte[] encode(String s) {
        return codec.encode(s, "text");
    }

    /** The same, naming the string in errors ("statement", "cursor name"). */
    public static byte[] encode(String s, String what) {
        return codec.encode(s, what);
    }

    /** How many of the first {@code limit} bytes of server text hold whole characters. */
    public static int clip(byte[] bytes, int limit) {
        return codec.clip(bytes, limit);
    }

    /** A message for the server, NUL-terminated in {@code arena}; 0 for null. Never fails on the text. */
    public static long messageCString(Arena arena, String message) {
        if (message == null) {
            return 0;
        }
        byte[] bytes = messageBytes(message);
        MemorySegment copy = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, copy, JAVA_BYTE, 0, bytes.length);
        copy.set(JAVA_BYTE, bytes.length, (byte) 0);
        return copy.address();
    }

    /** A message in the server encoding (without a NUL), characters it lacks escaped. Never fails on the text. */
    public static byte[] messageBytes(String message) {
        String s = message;
        if (!serverAnswers()) {
            return asciiEscaped(s).getBytes(StandardCharsets.US_ASCII);
        }
        try {
            for (int escapes = 0; escapes < MESSAGE_ESCAPES; escapes++) {
                try {
                    return codec.encode(s, "message");
                } catch (TextEncodingException e) {
                    int at = e.position();
                    s = s.substring(0, at) + escape(s.codePointAt(at)) + s.substring(at + e.length());
                }
            }
        } catch (RuntimeException e) {
            // No conversion now (say, the server refuses calls while an error is pending).
        }
        return asciiEscaped(s).getBytes(StandardCharsets.US_ASCII);
    }

    /** A message from the server (an error's fields) as a Java string. Never fails on the text. */
    public static String readMessage(long address) {
        if (address == 0) {
            return null;
        }
        int length = cStringLength(address);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        if (!serverAnswers()) {
            return asciiEscaped(Native.readCBytes(address));
        }
        try {
            while (true) {
                try {
                    return sb.append(codec.decode(address + from, length - from)).toString();
                } catch (TextEncodingException e) {
                    sb.append(codec.decode(address + from, e.position()));
                    for (int i = 0; i < e.length(); i++) {
                        sb.append(String.format("\\x%02x", ALL.get(JAVA_BYTE, address + from + e.position() + i) & 0xFF));
                    }
                    from += e.position() + e.length();
                }
            }
        } catch (RuntimeException e) {
            return sb + asciiEscaped(Native.readCBytes(address + from));
        }
    }

    /**
     * Whether the codec can convert now. A server error's own fields are read while it is
     * pending, when the server refuses every call: then what is not ASCII is escaped.
     */
    private static boolean serverAnswers() {
        return codec.javaOnly() || !Guard.errorPending();
    }

    private static int cStringLength(long address) {
        long end = address;
        while (ALL.get(JAVA_BYTE, end) != 0) {
            end++;
        }
        return Math.toIntExact(end - address);
    }

    private static String escape(int codePoint) {
        return codePoint < 0x10000 ? String.format("\\u%04x", codePoint) : String.format("\\U%08x", codePoint);
    }

    private static String asciiEscaped(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.append(c > 0 && c < 0x80 ? Character.toString(c) : escape(c)));
        return sb.toString();
    }

    private static String asciiEscaped(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.append(b > 0 ? Character.toString(b) : String.format("\\x%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
