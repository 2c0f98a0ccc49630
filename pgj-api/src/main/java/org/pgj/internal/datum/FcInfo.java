package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.Native.ALL;

import org.pgj.internal.Facts;

/** Reads arguments from, and marks a NULL result in, a {@code FunctionCallInfo}. */
public final class FcInfo {
    private static long args;
    private static long datumSize;
    private static long argIsNull;
    private static long resultIsNull;
    private static long flinfo;

    private FcInfo() {
    }

    public static void init() {
        args = Facts.get("FunctionCallInfoBaseData.args") + Facts.get("NullableDatum.value");
        argIsNull = Facts.get("FunctionCallInfoBaseData.args") + Facts.get("NullableDatum.isnull");
        datumSize = Facts.get("sizeof.NullableDatum");
        resultIsNull = Facts.get("FunctionCallInfoBaseData.isnull");
        flinfo = Facts.get("FunctionCallInfoBaseData.flinfo");
    }

    public static long arg(long fcinfo, int index) {
        return ALL.get(JAVA_LONG, fcinfo + args + index * datumSize);
    }

    public static boolean argIsNull(long fcinfo, int index) {
        return ALL.get(JAVA_BYTE, fcinfo + argIsNull + index * datumSize) != 0;
    }

    public static void setResultNull(long fcinfo) {
        ALL.set(JAVA_BYTE, fcinfo + resultIsNull, (byte) 1);
    }

    public static long flinfo(long fcinfo) {
        return ALL.get(JAVA_LONG, fcinfo + flinfo);
    }
}
