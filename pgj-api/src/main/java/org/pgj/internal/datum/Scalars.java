package org.pgj.internal.datum;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.types.Internal;
import org.pgj.types.Oid;
import org.pgj.types.RegClass;

/**
 * By-value types beyond the core numbers: {@code "char"}, {@code oid}, {@code regclass} and
 * {@code internal} (numbers of other widths are {@link NumberCasts}).
 */
public final class Scalars {
    private Scalars() {
    }

    public static byte charFrom(long d) {
        return (byte) d;
    }

    public static long charTo(byte v) {
        return v;
    }

    /** An oid Datum is an unsigned 32-bit value. */
    public static long oidAsLongFrom(long d) {
        return d & 0xFFFF_FFFFL;
    }

    public static long oidAsLongTo(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "OID out of range");
        }
        return v;
    }

    public static Oid oidFrom(long d) {
        return new Oid(d & 0xFFFF_FFFFL);
    }

    public static long oidTo(Oid v) {
        return v.value();
    }

    public static RegClass regclassFrom(long d) {
        return new RegClass(oidFrom(d));
    }

    public static long regclassTo(RegClass v) {
        return v.oid().value();
    }

    public static Internal internalFrom(long d) {
        return new Internal(d);
    }

    public static long internalTo(Internal v) {
        return v.handle();
    }
}
