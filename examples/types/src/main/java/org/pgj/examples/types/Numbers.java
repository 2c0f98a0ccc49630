package org.pgj.examples.types;

import java.math.BigDecimal;
import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;
import org.pgj.types.Numeric;

/** "char", numeric and integer conversions. */
public final class Numbers {
    private Numbers() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Byte echoChar(Byte c) {
        return c;
    }

    /** "char" is one signed byte: the next one, wrapping as the server's own int4 → "char" cast does not. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static byte nextChar(byte c) {
        return (byte) (c + 1);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Numeric> echoNumeric(Optional<Numeric> n) {
        return n;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<BigDecimal> echoDecimal(Optional<BigDecimal> n) {
        return n;
    }

    /** numeric as BigDecimal: exact arithmetic; NaN or infinity in is an error. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static BigDecimal addDecimals(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    /** numeric as Numeric: NaN and the infinities too. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String describeNumeric(Numeric n) {
        if (n.isNaN()) {
            return "not a number";
        }
        return n.isInfinite() ? (n.equals(Numeric.POSITIVE_INFINITY) ? "+infinity" : "-infinity")
                : "scale " + n.bigDecimal().scale() + ": " + n.bigDecimal().toPlainString();
    }

    /** A Java long returned as integer must fit: 22003 otherwise, as the server's own cast says. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("integer")
    public static long narrow(long v) {
        return v;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("smallint")
    public static int narrowToSmallint(int v) {
        return v;
    }

    /** An int that travels as bigint: a bigint it cannot hold is 22003, as the server's own cast says. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("bigint")
    public static Integer intOfBigint(@SqlType("bigint") Integer v) {
        return v;
    }

    /** A double returned as integer: a whole number passes, a fraction is 42804 (never rounded unasked). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("integer")
    public static double doubleAsInteger(double v) {
        return v;
    }

    /** A long[] as integer[]: each element as an integer, not the bytes of a long. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    @SqlType("integer[]")
    public static long[] longsAsIntegers(@SqlType("integer[]") long[] v) {
        return v;
    }
}
