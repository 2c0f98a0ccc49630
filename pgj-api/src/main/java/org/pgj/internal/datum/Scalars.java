package org.pgj.internal.datum;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.types.Internal;
import org.pgj.types.Oid;
import org.pgj.types.RegClass;

/**
 * By-value types beyond the core numbers: {@code "char"}, {@code oid}, {@code regclass}, and the
 * integer conversions a declared {@code @SqlType} asks for (a {@code long} returned as
 * {@code integer} must fit, with the server's own 22003 when it does not).
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

    /** A Java long as integer: 22003 "integer out of range" when it does not fit, as int84 says. */
    public static long int8AsInt4To(long v) {
        if (v != (int) v) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return v;
    }

    public static long int8AsInt2To(long v) {
        if (v != (short) v) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
        }
        return v;
    }

    public static long int4AsInt2To(int v) {
        if (v != (short) v) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
        }
        return v;
    }

    public static int int2AsIntFrom(long d) {
        return (short) d;
    }
}
