package org.pgj.internal.datum;

import java.math.BigDecimal;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.types.Numeric;

/**
 * {@code numeric} through its text form, which is exact, locale-free and never uses an exponent.
 * A BigDecimal cannot hold NaN or the infinities: reading one into a BigDecimal is the error
 * PostgreSQL's own casts give (0A000), and {@link Numeric} holds them.
 */
public final class Numerics {
    private static final int NUMERIC = Facts.getInt("NUMERICOID");

    private Numerics() {
    }

    public static Numeric numericFrom(long d) {
        return Numeric.parse(TextForms.out(NUMERIC, d));
    }

    public static long numericTo(Numeric v) {
        return TextForms.in(NUMERIC, v.toString());
    }

    public static BigDecimal bigDecimalFrom(long d) {
        Numeric n = numericFrom(d);
        if (!n.isFinite()) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert " + (n.isNaN() ? "NaN" : "infinity")
                    + " to BigDecimal", null, "Declare the Java type as org.pgj.types.Numeric to receive NaN and infinity.");
        }
        return n.bigDecimal();
    }

    public static long bigDecimalTo(BigDecimal v) {
        return TextForms.in(NUMERIC, v.toPlainString());
    }
}
