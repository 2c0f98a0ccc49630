package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;

/** Reads arguments from, and marks a NULL result in, a {@code FunctionCallInfo}. */
public final class FcInfo {
    private static final long ARGS = Facts.get("FunctionCallInfoBaseData.args") + Facts.get("NullableDatum.value");
    private static final long ARG_IS_NULL = Facts.get("FunctionCallInfoBaseData.args") + Facts.get("NullableDatum.isnull");
    private static final long DATUM_SIZE = Facts.get("sizeof.NullableDatum");
    private static final long RESULT_IS_NULL = Facts.get("FunctionCallInfoBaseData.isnull");
    private static final long FLINFO = Facts.get("FunctionCallInfoBaseData.flinfo");

    private FcInfo() {
    }

    public static long arg(long fcinfo, int index) {
        return ALL.get(JAVA_LONG, fcinfo + ARGS + index * DATUM_SIZE);
    }

    /** The argument, or a {@code null_value_not_allowed} error when it is NULL. */
    public static long argNotNull(long fcinfo, int index, String message) {
        if (argIsNull(fcinfo, index)) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, message);
        }
        return arg(fcinfo, index);
    }

    public static boolean argIsNull(long fcinfo, int index) {
        return ALL.get(JAVA_BYTE, fcinfo + ARG_IS_NULL + index * DATUM_SIZE) != 0;
    }

    public static void setResultNull(long fcinfo) {
        ALL.set(JAVA_BYTE, fcinfo + RESULT_IS_NULL, (byte) 1);
    }

    public static boolean resultIsNull(long fcinfo) {
        return ALL.get(JAVA_BYTE, fcinfo + RESULT_IS_NULL) != 0;
    }

    public static long flinfo(long fcinfo) {
        return ALL.get(JAVA_LONG, fcinfo + FLINFO);
    }
}
