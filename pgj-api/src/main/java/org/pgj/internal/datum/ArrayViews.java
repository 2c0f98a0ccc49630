package org.pgj.internal.datum;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.pgj.internal.nativecall.Facts;

/**
 * Arrays of {@code smallint}, {@code integer}, {@code bigint}, {@code real} and {@code double
 * precision} as read-only NIO buffers ({@code ShortBuffer} ... {@code DoubleBuffer}) over the
 * server's own elements: no copy. As a {@link ByteViews bytea view}, a buffer is valid during the
 * call (see {@link CallScope}), and throws {@code IllegalStateException} when used later. The
 * elements of a flat one-dimensional array without NULLs lie one after the other in native
 * order, which is what a buffer reads; any other array is refused as {@code int[]} refuses it
 * (see {@link ArrayCodec#dimensions}). A buffer result is copied into a new array.
 */
public final class ArrayViews {
    static final int INT2 = Facts.getInt("INT2OID");
    static final int INT4 = Facts.getInt("INT4OID");
    static final int INT8 = Facts.getInt("INT8OID");
    static final int FLOAT4 = Facts.getInt("FLOAT4OID");
    static final int FLOAT8 = Facts.getInt("FLOAT8OID");
    static final int INT2_ARRAY = Facts.getInt("INT2ARRAYOID");
    static final int INT4_ARRAY = Facts.getInt("INT4ARRAYOID");
    static final int INT8_ARRAY = Facts.getInt("INT8ARRAYOID");
    static final int FLOAT4_ARRAY = Facts.getInt("FLOAT4ARRAYOID");
    static final int FLOAT8_ARRAY = Facts.getInt("FLOAT8ARRAYOID");

    /** The view types: a function that takes or returns one runs in a {@link CallScope}. */
    public static final java.util.List<Class<? extends Buffer>> TYPES = java.util.List.of(ShortBuffer.class, IntBuffer.class,
            LongBuffer.class, FloatBuffer.class, DoubleBuffer.class);

    private ArrayViews() {
    }

    /** The elements of the array {@code d} as bytes in native order, scoped to the current call. */
    private static ByteBuffer elements(long d, int elemType, int width, Class<? extends Buffer> view, Class<?> leaf) {
        long a = ArrayCodec.flat(d);
        int[] dims = ArrayCodec.dimensions(a, elemType, view.getName(), leaf, 1);
        int n = dims.length == 0 ? 0 : dims[0];
        ArrayCodec.checkNoNulls(ArrayCodec.bitmap(a, 1), n, view.getName());
        MemorySegment bytes = MemorySegment.ofAddress(n == 0 ? a : ArrayCodec.data(a, 1))
                .reinterpret((long) n * width, CallScope.arena(), null);
        return bytes.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    public static ShortBuffer int2ViewFrom(long d) {
        return elements(d, INT2, Short.BYTES, ShortBuffer.class, short.class).asShortBuffer().asReadOnlyBuffer();
    }

    public static IntBuffer int4ViewFrom(long d) {
        return elements(d, INT4, Integer.BYTES, IntBuffer.class, int.class).asIntBuffer().asReadOnlyBuffer();
    }

    public static LongBuffer int8ViewFrom(long d) {
        return elements(d, INT8, Long.BYTES, LongBuffer.class, long.class).asLongBuffer().asReadOnlyBuffer();
    }

    public static FloatBuffer float4ViewFrom(long d) {
        return elements(d, FLOAT4, Float.BYTES, FloatBuffer.class, float.class).asFloatBuffer().asReadOnlyBuffer();
    }

    public static DoubleBuffer float8ViewFrom(long d) {
        return elements(d, FLOAT8, Double.BYTES, DoubleBuffer.class, double.class).asDoubleBuffer().asReadOnlyBuffer();
    }

    // Results: the buffer's remaining elements, copied into a Java array and written as one.

    public static long int2ViewTo(ShortBuffer v) {
        short[] copy = new short[v.remaining()];
        v.duplicate().get(copy);
        return write(Writers.INT2, copy);
    }

    public static long int4ViewTo(IntBuffer v) {
        int[] copy = new int[v.remaining()];
        v.duplicate().get(copy);
        return write(Writers.INT4, copy);
    }

    public static long int8ViewTo(LongBuffer v) {
        long[] copy = new long[v.remaining()];
        v.duplicate().get(copy);
        return write(Writers.INT8, copy);
    }

    public static long float4ViewTo(FloatBuffer v) {
        float[] copy = new float[v.remaining()];
        v.duplicate().get(copy);
        return write(Writers.FLOAT4, copy);
    }

    public static long float8ViewTo(DoubleBuffer v) {
        double[] copy = new double[v.remaining()];
        v.duplicate().get(copy);
        return write(Writers.FLOAT8, copy);
    }

    private static long write(MethodHandle writer, Object array) {
        try {
            return (long) writer.invoke(array);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The writers of the primitive arrays, made at the first buffer result (each asks the server for its element's layout). */
    private static final class Writers {
        static final MethodHandle INT2 = writer(short[].class, short.class, ArrayViews.INT2, INT2_ARRAY);
        static final MethodHandle INT4 = writer(int[].class, int.class, ArrayViews.INT4, INT4_ARRAY);
        static final MethodHandle INT8 = writer(long[].class, long.class, ArrayViews.INT8, INT8_ARRAY);
        static final MethodHandle FLOAT4 = writer(float[].class, float.class, ArrayViews.FLOAT4, FLOAT4_ARRAY);
        static final MethodHandle FLOAT8 = writer(double[].class, double.class, ArrayViews.FLOAT8, FLOAT8_ARRAY);

        private static MethodHandle writer(Class<?> javaType, Class<?> leaf, int elemType, int arrayType) {
            TypeMapping element = TypeMappings.forJavaType(leaf);
            return new ArrayCodec(javaType, leaf, 1, false, elemType, element).mapping(arrayType).toDatum();
        }
    }
}
