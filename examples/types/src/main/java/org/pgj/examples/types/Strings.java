package org.pgj.examples.types;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.pgj.functions.Nullable;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/** The string types and bytea. */
public final class Strings {
    private static ByteBuffer kept;

    private Strings() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("name")
    public static Optional<String> echoName(@SqlType("name") Optional<String> s) {
        return s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("bpchar")
    public static Optional<String> echoBpchar(@SqlType("bpchar") Optional<String> s) {
        return s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("varchar")
    public static Optional<String> echoVarchar(@SqlType("varchar(10)") Optional<String> s) {
        return s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<String> echoText(Optional<String> s) {
        return s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("cstring")
    public static String echoCstring(@SqlType("cstring") String s) {
        return s;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int javaLength(@SqlType("bpchar") String s) {
        return s.length();
    }

    /** Java's count of characters, to compare with the server's length(). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int codePoints(@SqlType("name") String s) {
        return s.codePointCount(0, s.length());
    }

    /** Appends one character; NUL (0) is refused as the server refuses it. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String withCodePoint(String s, int codePoint) {
        return s + Character.toString(codePoint);
    }

    /** A String takes any type in its text form: here macaddr. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("macaddr")
    public static String upperMacaddr(@SqlType("macaddr") String mac) {
        return mac.toUpperCase();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<byte[]> echoBytea(Optional<byte[]> b) {
        return b;
    }

    /** A read-only view of the bytea's own bytes: no copy, valid during the call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long byteSum(ByteBuffer bytes) {
        long sum = 0;
        while (bytes.hasRemaining()) {
            sum += bytes.get() & 0xFF;
        }
        return sum;
    }

    /** Keeps the view past the call: the next call finds it closed. */
    @PgFunction
    public static String keepView(@Nullable ByteBuffer bytes) {
        if (bytes != null) {
            kept = bytes;
            return "kept " + bytes.remaining() + " bytes";
        }
        try {
            return "read " + kept.get(0);
        } catch (IllegalStateException e) {
            return "closed";
        }
    }

    /** A ByteBuffer result is copied: its remaining bytes. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static ByteBuffer tail(ByteBuffer bytes, int from) {
        return bytes.position(Math.min(from, bytes.limit()));
    }
}
