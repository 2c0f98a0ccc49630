package org.pgj.internal.datum;

/**
 * Conversions of by-value Datums, with the layouts of postgres.h (a Datum is 64 bits; narrower
 * values are sign-extended, float4 travels as its bit pattern). Public and static because
 * generated invokers call them directly.
 */
public final class Datums {
    private Datums() {
    }

    public static boolean boolFrom(long d) {
        return d != 0;
    }

    public static long boolTo(boolean b) {
        return b ? 1 : 0;
    }

    public static short int2From(long d) {
        return (short) d;
    }

    public static long int2To(short v) {
        return v;
    }

    public static int int4From(long d) {
        return (int) d;
    }

    public static long int4To(int v) {
        return v;
    }

    public static long int8From(long d) {
        return d;
    }

    public static long int8To(long v) {
        return v;
    }

    public static float float4From(long d) {
        return Float.intBitsToFloat((int) d);
    }

    public static long float4To(float v) {
        return Float.floatToRawIntBits(v);
    }

    public static double float8From(long d) {
        return Double.longBitsToDouble(d);
    }

    public static long float8To(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
