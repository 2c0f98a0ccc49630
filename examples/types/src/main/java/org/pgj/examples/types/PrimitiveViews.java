package org.pgj.examples.types;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.ShortBuffer;
import org.pgj.functions.Nullable;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;

/** Arrays of smallint, integer, bigint, real and double precision as read-only buffers over the server's own elements. */
public final class PrimitiveViews {
    private static IntBuffer kept;

    private PrimitiveViews() {
    }

    /** A read-only view of an integer[]'s own elements: no copy, valid during the call. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long sumIntView(IntBuffer values) {
        long sum = 0;
        for (int i = 0; i < values.limit(); i++) {
            sum += values.get(i);
        }
        return sum;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long sumShortView(ShortBuffer values) {
        long sum = 0;
        while (values.hasRemaining()) {
            sum += values.get();
        }
        return sum;
    }

    /** The sum of a bigint[], exact: overflow is an error, as the server's sum() of bigint would need numeric. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static long sumLongView(LongBuffer values) {
        long sum = 0;
        while (values.hasRemaining()) {
            sum = Math.addExact(sum, values.get());
        }
        return sum;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double sumFloatView(FloatBuffer values) {
        double sum = 0;
        while (values.hasRemaining()) {
            sum += values.get();
        }
        return sum;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double sumDoubleView(DoubleBuffer values) {
        double sum = 0;
        while (values.hasRemaining()) {
            sum += values.get();
        }
        return sum;
    }

    /** Buffer results are copied (their remaining elements): each view returned as it came. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static ShortBuffer echoShortView(ShortBuffer values) {
        return values;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static IntBuffer echoIntView(IntBuffer values) {
        return values;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static LongBuffer echoLongView(LongBuffer values) {
        return values;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static FloatBuffer echoFloatView(FloatBuffer values) {
        return values;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static DoubleBuffer echoDoubleView(DoubleBuffer values) {
        return values;
    }

    /** The elements from position {@code from} on: a result is the buffer's remaining elements. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static IntBuffer intViewTail(IntBuffer values, int from) {
        return values.position(Math.min(Math.max(from, 0), values.limit()));
    }

    /** A view is read-only: the server's array is never written through it. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String writeIntView(IntBuffer values) {
        try {
            values.put(0, 42);
            return "written";
        } catch (ReadOnlyBufferException e) {
            return "read-only";
        }
    }

    /** Keeps the view past the call: the next call finds it closed. */
    @PgFunction
    public static String keepIntView(@Nullable IntBuffer values) {
        if (values != null) {
            kept = values;
            return "kept " + values.limit() + " elements";
        }
        try {
            return "read " + kept.get(0);
        } catch (IllegalStateException e) {
            return "closed";
        }
    }
}
