package org.pgj.examples.customtypes;

import java.math.BigInteger;
import org.pgj.types.PgType;
import org.pgj.types.PgType.Derive;
import org.pgj.types.TypeCodec;

/**
 * A class, not a record: a fraction kept in lowest terms, so that {@code '2/4' = '1/2'} and equal
 * values hash alike; ordered by value, which the text's order is not.
 */
@PgType(codec = Fraction.Slash.class, derive = {Derive.EQ, Derive.ORD, Derive.HASH})
public final class Fraction implements Comparable<Fraction> {
    private final long numerator;
    private final long denominator;

    public Fraction(long numerator, long denominator) {
        if (denominator == 0 || denominator == Long.MIN_VALUE) {
            throw new IllegalArgumentException("the denominator is 0 or out of range");
        }
        long gcd = gcd(Math.abs(numerator), Math.abs(denominator));
        long sign = denominator < 0 ? -1 : 1;
        this.numerator = sign * numerator / gcd;
        this.denominator = sign * denominator / gcd;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction f && f.numerator == numerator && f.denominator == denominator;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
    }

    @Override
    public int compareTo(Fraction o) {
        try {
            return Long.compare(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(o.denominator))
                    .compareTo(BigInteger.valueOf(o.numerator).multiply(BigInteger.valueOf(denominator)));
        }
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    /** Text {@code 3/4}; binary: the default, the text's bytes. */
    public static final class Slash implements TypeCodec<Fraction> {
        @Override
        public String toText(Fraction f) {
            return f.toString();
        }

        @Override
        public Fraction fromText(String text) {
            String[] parts = text.strip().split("/", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("a fraction is written numerator/denominator");
            }
            return new Fraction(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
        }
    }
}
