package org.pgj.internal.datum;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;

/**
 * A Java number as a SQL number of another width, as the server's own casts between int2, int4,
 * int8, float4 and float8 do: widening is exact, narrowing checks the range (22003 with the
 * server's message). Between float8 and the integers only whole numbers pass: a fraction is
 * 42804 rather than rounded, so that a double is never cut short without the caller asking.
 * Registered by {@link TypeMappings}, so functions, SPI and triggers convert numbers alike.
 * Widening writes reuse {@link Datums}: a narrower integer Datum is a sign-extended wider one.
 */
public final class NumberCasts {
    private NumberCasts() {
    }

    public static int int2AsIntFrom(long d) {
        return (short) d;
    }

    public static long int2AsLongFrom(long d) {
        return (short) d;
    }

    public static long int4AsLongFrom(long d) {
        return (int) d;
    }

    public static short int4AsShortFrom(long d) {
        return smallint((int) d);
    }

    public static short int8AsShortFrom(long d) {
        return smallint(d);
    }

    public static int int8AsIntFrom(long d) {
        return integer(d);
    }

    /** A Java long as integer: 22003 "integer out of range" when it does not fit, as int84 says. */
    public static long int8AsInt4To(long v) {
        return integer(v);
    }

    public static long int8AsInt2To(long v) {
        return smallint(v);
    }

    public static long int4AsInt2To(int v) {
        return smallint(v);
    }

    public static double float4AsDoubleFrom(long d) {
        return Datums.float4From(d);
    }

    public static long doubleAsFloat4To(double v) {
        return Datums.float4To(real(v));
    }

    public static float float8AsFloatFrom(long d) {
        return real(Datums.float8From(d));
    }

    public static long floatAsFloat8To(float v) {
        return Datums.float8To(v);
    }

    public static double int2AsDoubleFrom(long d) {
        return (short) d;
    }

    public static double int4AsDoubleFrom(long d) {
        return (int) d;
    }

    public static double int8AsDoubleFrom(long d) {
        return d;
    }

    public static long doubleAsInt2To(double v) {
        return whole(v, 0x1p15, "smallint");
    }

    public static long doubleAsInt4To(double v) {
        return whole(v, 0x1p31, "integer");
    }

    public static long doubleAsInt8To(double v) {
        return whole(v, 0x1p63, "bigint");
    }

    public static short float8AsShortFrom(long d) {
        return (short) whole(Datums.float8From(d), 0x1p15, "smallint");
    }

    public static int float8AsIntFrom(long d) {
        return (int) whole(Datums.float8From(d), 0x1p31, "integer");
    }

    public static long intAsFloat8To(int v) {
        return Datums.float8To(v);
    }

    public static long shortAsFloat8To(short v) {
        return Datums.float8To(v);
    }

    private static short smallint(long v) {
        if (v != (short) v) {
            throw outOfRange("smallint out of range");
        }
        return (short) v;
    }

    private static int integer(long v) {
        if (v != (int) v) {
            throw outOfRange("integer out of range");
        }
        return (int) v;
    }

    /** A whole double within [-limit, limit): 22003 beyond (an infinity too), 42804 for a fraction or NaN. */
    private static long whole(double v, double limit, String type) {
        if (v != Math.rint(v)) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "the value " + v + " is not a whole number, which type "
                    + type + " needs", null, "Round it first, in Java (Math.round) or in SQL.");
        }
        if (v < -limit || v >= limit) {
            throw outOfRange(type + " out of range");
        }
        return (long) v;
    }

    /** As float84: an overflow or underflow to zero is an error, infinities and NaN stay. */
    private static float real(double v) {
        float f = (float) v;
        if (Float.isInfinite(f) && !Double.isInfinite(v)) {
            throw outOfRange("value out of range: overflow");
        }
        if (f == 0 && v != 0) {
            throw outOfRange("value out of range: underflow");
        }
        return f;
    }

    private static PgException outOfRange(String message) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, message);
    }
}
