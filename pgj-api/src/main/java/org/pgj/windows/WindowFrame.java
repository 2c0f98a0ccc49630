package org.pgj.windows;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.FcInfo;
import org.pgj.internal.datum.ServerTypes;
import org.pgj.internal.datum.TypeMapping;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/**
 * The partition and frame of the window function call that is running ({@code @PgFunction(window
 * = true)}), through the server's window API: the current row's position, the partition's size,
 * and any argument's value at another row of the partition or the frame. Positions count from 0
 * at the partition's first row. A value outside the partition or frame reads as null, as for a
 * NULL. Valid only while the window function runs, on the backend's thread.
 */
public final class WindowFrame {
    private static final long CALL = Facts.get("addr.pgj_window_call");
    private static final long FC_CONTEXT = Facts.get("FunctionCallInfoBaseData.context");
    private static final long CURRENT_POSITION = Facts.get("fn.WinGetCurrentPosition");
    private static final long PARTITION_ROW_COUNT = Facts.get("fn.WinGetPartitionRowCount");
    private static final long ARGUMENT = Facts.get("fn.pgj_window_argument");
    private static final long NARGS = Facts.get("FunctionCallInfoBaseData.nargs");

    private final long fcinfo;
    private final long window;

    private WindowFrame(long fcinfo) {
        this.fcinfo = fcinfo;
        this.window = Native.readLong(fcinfo + FC_CONTEXT);
    }

    /** The running window function's; IllegalStateException outside one. */
    public static WindowFrame current() {
        Backend.checkThread();
        long fcinfo = Native.readLong(CALL);
        if (fcinfo == 0) {
            throw new IllegalStateException("WindowFrame.current() is for a window function (@PgFunction(window = true))"
                    + " while it runs");
        }
        return new WindowFrame(fcinfo);
    }

    /** The current row's position in its partition, from 0. */
    public long currentPosition() {
        check();
        return winGetCurrentPosition(window);
    }

    /** How many rows the partition has (the server reads the whole partition to know). */
    public long partitionRowCount() {
        check();
        return winGetPartitionRowCount(window);
    }

    /**
     * Argument {@code argument} (from 0) at the row {@code offset} rows after the current one in
     * the partition (before it when negative), as {@code type}; null when it is NULL or there is no
     * such row, as {@code lag} and {@code lead} see it.
     */
    public <T> T argumentInPartition(int argument, long offset, Class<T> type) {
        return read(argument, type, false, offset);
    }

    /**
     * Argument {@code argument} at the {@code n}th row of the current row's frame (from 0), as
     * {@code type}; null when it is NULL or the frame has fewer rows, as {@code nth_value} sees it.
     */
    public <T> T argumentInFrame(int argument, long n, Class<T> type) {
        if (n < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "a row of the frame counts from 0, not " + n);
        }
        return read(argument, type, true, n);
    }

    private <T> T read(int argument, Class<T> type, boolean inFrame, long position) {
        check();
        int nargs = Native.ALL.get(JAVA_SHORT, fcinfo + NARGS);
        if (argument < 0 || argument >= nargs) {
            throw new IndexOutOfBoundsException("the window function has " + nargs + " arguments, not argument " + argument);
        }
        if (position != (int) position) {
            return null; // no partition has that many rows
        }
        int sqlType = ServerTypes.getFnExprArgtype(FcInfo.flinfo(fcinfo), argument);
        TypeMapping mapping = TypeMappings.forRead(TypeMappings.boxed(type), sqlType);
        if (mapping == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "argument " + argument + " is of type "
                    + Conversions.typeName(sqlType) + ", which cannot be read as a Java " + type.getName());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flags = arena.allocate(2);
            long datum = windowArgument(window, argument, (int) position, inFrame, flags.address());
            if (flags.get(JAVA_BYTE, 0) != 0 || flags.get(JAVA_BYTE, 1) != 0) {
                return null;
            }
            @SuppressWarnings("unchecked") // a primitive class's T is its box
            T value = (T) TypeMappings.boxed(type).cast(Conversions.read(mapping, datum));
            return value;
        }
    }

    private void check() {
        Backend.checkThread();
        if (Native.ALL.get(JAVA_LONG, CALL) != fcinfo) {
            throw new IllegalStateException("a WindowFrame is valid only while its window function runs");
        }
    }

    @CFunction(value = "int64 WinGetCurrentPosition(WindowObject)", header = "windowapi.h")
    private static long winGetCurrentPosition(long window) {
        return Guard.call(CURRENT_POSITION, window);
    }

    @CFunction(value = "int64 WinGetPartitionRowCount(WindowObject)", header = "windowapi.h")
    private static long winGetPartitionRowCount(long window) {
        return Guard.call(PARTITION_ROW_COUNT, window);
    }

    @CFunction(value = "Datum pgj_window_argument(WindowObject, int32, int32, bool, bool *)", header = "windowapi.h")
    private static long windowArgument(long window, int argument, int position, boolean inFrame, long flags) {
        return Guard.call(ARGUMENT, window, argument, position, inFrame ? 1 : 0, flags);
    }
}
