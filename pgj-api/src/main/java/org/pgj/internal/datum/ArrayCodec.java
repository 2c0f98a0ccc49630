package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * Arrays read and written in Java, with the layout of utils/array.h: a header, the dimensions
 * and lower bounds, an optional NULL bitmap, then the non-NULL elements, each aligned as its
 * type says. Java arrays nest ({@code Integer[][]} is a two-dimensional array) and are indexed
 * from 0, so the number of dimensions must match and lower bounds must be 1: anything else is a
 * clear error (2202E) rather than a silent reshape. Primitive arrays ({@code int[]}, ...) of a
 * one-dimensional array without NULLs are copied in bulk, never boxed.
 */
final class ArrayCodec {
    private static final long HEADER = Facts.get("sizeof.ArrayType");
    private static final long NDIM = Facts.get("ArrayType.ndim");
    private static final long DATA_OFFSET = Facts.get("ArrayType.dataoffset");
    private static final long ELEM_TYPE = Facts.get("ArrayType.elemtype");
    private static final int MAXALIGN = Facts.getInt("MAXIMUM_ALIGNOF");
    private static final int MAXDIM = Facts.getInt("MAXDIM");
    private static final MethodHandle READ = Native.findStatic(MethodHandles.lookup(), ArrayCodec.class, "read",
            methodType(Object.class, ArrayCodec.class, long.class));
    private static final MethodHandle WRITE = Native.findStatic(MethodHandles.lookup(), ArrayCodec.class, "write",
            methodType(long.class, ArrayCodec.class, Object.class));

    private final Class<?> javaType;
    private final int elemType;
    private final int typlen;
    private final boolean byval;
    private final int align;
    private final Class<?> leaf;
    private final int depth;
    private final boolean list;
    private final MethodHandle from;
    private final MethodHandle to;
    /** Whether a primitive Java array is the element type's storage, copied in bulk: only with the leaf's own SQL type. */
    private final boolean bulk;

    /**
     * @param javaType the whole Java type ({@code int[]}, {@code String[][]}, {@code List})
     * @param leaf the element's Java class ({@code int}, {@code String})
     * @param depth Java's number of dimensions (1 for a List)
     * @param element the element's mapping
     */
    ArrayCodec(Class<?> javaType, Class<?> leaf, int depth, boolean list, int elemType, TypeMapping element) {
        this.javaType = javaType;
        this.leaf = leaf;
        this.depth = depth;
        this.list = list;
        this.elemType = elemType;
        this.from = Conversions.reader(element);
        this.to = Conversions.writer(element);
        this.bulk = leaf.isPrimitive() && TypeMappings.forJavaType(leaf) == element;
        try (Arena arena = Arena.ofConfined()) {
            var info = arena.allocate(8);
            ServerTypes.getTyplenbyvalalign(elemType, info.address(), info.address() + 2, info.address() + 3);
            this.typlen = info.get(JAVA_SHORT_UNALIGNED, 0);
            this.byval = info.get(JAVA_BYTE, 2) != 0;
            this.align = switch ((char) info.get(JAVA_BYTE, 3)) {
                case 'c' -> 1;
                case 's' -> 2;
                case 'i' -> 4;
                default -> 8;
            };
        }
    }

    /** The mapping of this array type: {@code (long) -> javaType} and back. */
    TypeMapping mapping(int arrayType) {
        return new TypeMapping(javaType, java.util.Set.of(arrayType),
                MethodHandles.insertArguments(READ, 0, this).asType(methodType(javaType, long.class)),
                MethodHandles.insertArguments(WRITE, 0, this).asType(methodType(long.class, javaType)));
    }

    private static long alignUp(long offset, int alignment) {
        return (offset + alignment - 1) & -alignment;
    }

    private static Object read(ArrayCodec codec, long datum) {
        return codec.read(datum);
    }

    private static long write(ArrayCodec codec, Object value) {
        return codec.write(value);
    }

    private Object read(long datum) {
        long a = flat(datum);
        int[] dims = dimensions(a, elemType, javaType.getTypeName(), leaf, depth);
        if (dims.length == 0) {
            return list ? new ArrayList<>() : Array.newInstance(leaf, new int[depth]);
        }
        int n = count(dims);
        long bitmap = bitmap(a, dims.length);
        long data = data(a, dims.length);
        if (leaf.isPrimitive()) {
            checkNoNulls(bitmap, n, javaType.getTypeName());
            if (depth == 1) {
                return readPrimitives(data, n);
            }
        }
        Object[] values = new Object[n];
        long p = data;
        for (int i = 0; i < n; i++) {
            if (bitmap != 0 && (ALL.get(JAVA_BYTE, bitmap + (i >> 3)) & (1 << (i & 7))) == 0) {
                continue;
            }
            if (typlen != -1 || ALL.get(JAVA_BYTE, p) == 0) {
                p = alignUp(p, align); // a short varlena header is never padded: a nonzero byte starts one
            }
            values[i] = convert(p);
            p += size(p);
        }
        return shape(values, dims);
    }

    /** The array at {@code datum} in its flat form: compressed, out of line, short-headered or expanded ones flattened by the server. */
    static long flat(long datum) {
        return (ALL.get(JAVA_BYTE, datum) & 0x03) == 0 ? datum : Varlena.pgDetoastDatum(datum);
    }

    /**
     * The dimensions of the flat array {@code a} (none for an empty one), once checked against what
     * the Java type reads: its element type, its number of dimensions, and lower bounds of 1.
     */
    static int[] dimensions(long a, int elemType, String javaType, Class<?> leaf, int depth) {
        int ndim = ALL.get(JAVA_INT_UNALIGNED, a + NDIM);
        int actual = ALL.get(JAVA_INT_UNALIGNED, a + ELEM_TYPE);
        if (actual != elemType) {
            // Never read elements with another type's layout: a clear error instead.
            throw new PgException(SqlState.DATATYPE_MISMATCH, "array has elements of type OID " + Integer.toUnsignedString(actual)
                    + ", but the Java " + javaType + " reads type OID " + Integer.toUnsignedString(elemType));
        }
        if (ndim < 0 || ndim > MAXDIM) {
            throw new PgException(SqlState.DATA_EXCEPTION, "invalid number of array dimensions: " + ndim);
        }
        if (ndim == 0) {
            return new int[0];
        }
        if (ndim != depth) {
            throw new PgException(SqlState.ARRAY_SUBSCRIPT_ERROR, "array has " + ndim + " dimension(s), but the Java "
                    + javaType + " holds " + depth, null,
                    "Declare a Java type with " + ndim + " dimension(s), e.g. " + leaf.getTypeName() + "[]".repeat(ndim) + ".");
        }
        int[] dims = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            dims[i] = ALL.get(JAVA_INT_UNALIGNED, a + HEADER + 4L * i);
            int lowerBound = ALL.get(JAVA_INT_UNALIGNED, a + HEADER + 4L * ndim + 4L * i);
            if (lowerBound != 1) {
                throw new PgException(SqlState.ARRAY_SUBSCRIPT_ERROR, "array dimension " + (i + 1) + " starts at "
                        + lowerBound + ", but a Java " + javaType + " starts at index 0 (lower bound 1)",
                        null, "Shift the array to lower bound 1 in SQL, e.g. with array(select unnest(a)).");
            }
        }
        return dims;
    }

    static int count(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** The NULL bitmap of the flat array {@code a}, or 0 when it has none. */
    static long bitmap(long a, int ndim) {
        return ALL.get(JAVA_INT_UNALIGNED, a + DATA_OFFSET) != 0 ? a + HEADER + 8L * ndim : 0;
    }

    /** The address of the first element of the flat array {@code a}. */
    static long data(long a, int ndim) {
        int dataOffset = ALL.get(JAVA_INT_UNALIGNED, a + DATA_OFFSET);
        return a + (dataOffset != 0 ? dataOffset : alignUp(HEADER + 8L * ndim, MAXALIGN));
    }

    static void checkNoNulls(long bitmap, int n, String javaType) {
        if (bitmap == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if ((ALL.get(JAVA_BYTE, bitmap + (i >> 3)) & (1 << (i & 7))) == 0) {
                throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "array element " + (i + 1)
                        + " is NULL, which a Java " + javaType + " cannot hold", null,
                        "Declare the elements boxed (e.g. Integer[] or List<Integer>) to receive NULL elements.");
            }
        }
    }

    private Object readPrimitives(long data, int n) {
        // An element type of another width (int[] as bigint[]) goes element by element through its mapping.
        Object copied = bulk ? copyPrimitives(data, n) : null;
        if (copied != null) {
            return copied;
        }
        Object out = Array.newInstance(leaf, n);
        long p = data;
        for (int i = 0; i < n; i++, p = alignUp(p + typlen, align)) {
            Array.set(out, i, convert(p));
        }
        return out;
    }

    /** The elements copied in bulk into a Java array of their own type; null for a leaf with no bulk copy. */
    private Object copyPrimitives(long data, int n) {
        if (leaf == int.class) {
            int[] out = new int[n];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_INT_UNALIGNED, data, out, 0, n);
            return out;
        } else if (leaf == long.class) {
            long[] out = new long[n];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_LONG_UNALIGNED, data, out, 0, n);
            return out;
        } else if (leaf == double.class) {
            double[] out = new double[n];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_DOUBLE_UNALIGNED, data, out, 0, n);
            return out;
        } else if (leaf == float.class) {
            float[] out = new float[n];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_FLOAT_UNALIGNED, data, out, 0, n);
            return out;
        } else if (leaf == short.class) {
            short[] out = new short[n];
            java.lang.foreign.MemorySegment.copy(ALL, JAVA_SHORT_UNALIGNED, data, out, 0, n);
            return out;
        }
        return null;
    }

    /** The element at {@code p} as Java: a by-value one is read as the Datum it would be. */
    private Object convert(long p) {
        long d;
        if (!byval) {
            d = p;
        } else {
            d = switch (typlen) {
                case 1 -> ALL.get(JAVA_BYTE, p);
                case 2 -> ALL.get(JAVA_SHORT_UNALIGNED, p);
                case 4 -> ALL.get(JAVA_INT_UNALIGNED, p);
                default -> ALL.get(JAVA_LONG_UNALIGNED, p);
            };
        }
        try {
            return (Object) from.invokeExact(d);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Bytes of the element at {@code p}. */
    private long size(long p) {
        if (typlen > 0) {
            return typlen;
        }
        if (typlen == -2) {
            long end = p;
            while (ALL.get(JAVA_BYTE, end) != 0) {
                end++;
            }
            return end - p + 1;
        }
        byte first = ALL.get(JAVA_BYTE, p);
        if ((first & 0x01) != 0) {
            if (first == 0x01) {
                throw new PgException(SqlState.INTERNAL_ERROR, "array element is a TOAST pointer");
            }
            return (first & 0xFF) >>> 1;
        }
        return ALL.get(JAVA_INT_UNALIGNED, p) >>> 2;
    }

    /** Flat values in row-major order → the declared nesting. */
    private Object shape(Object[] values, int[] dims) {
        if (list) {
            return new ArrayList<>(Arrays.asList(values));
        }
        Object out = Array.newInstance(leaf, dims);
        int[] index = new int[1];
        fill(out, 0, dims, values, index);
        return out;
    }

    private void fill(Object array, int level, int[] dims, Object[] values, int[] index) {
        for (int i = 0; i < dims[level]; i++) {
            if (level == dims.length - 1) {
                Object v = values[index[0]++];
                if (v == null && leaf.isPrimitive()) {
                    continue; // cannot happen: checked before
                }
                Array.set(array, i, v);
            } else {
                fill(Array.get(array, i), level + 1, dims, values, index);
            }
        }
    }

    private long write(Object value) {
        List<Integer> dimList = new ArrayList<>();
        Object level = value;
        for (int d = 0; d < depth; d++) {
            int length = length(level);
            dimList.add(length);
            if (length == 0 || d == depth - 1) {
                break;
            }
            level = element(level, 0);
            if (level == null) {
                throw notRectangular();
            }
        }
        if (dimList.size() > MAXDIM) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions (" + dimList.size()
                    + ") exceeds the maximum allowed (" + MAXDIM + ")");
        }
        int[] dims = dimList.stream().mapToInt(Integer::intValue).toArray();
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n == 0) {
            long a = Varlena.allocate(HEADER - 4);
            ALL.set(JAVA_INT_UNALIGNED, a + NDIM, 0);
            ALL.set(JAVA_INT_UNALIGNED, a + DATA_OFFSET, 0);
            ALL.set(JAVA_INT_UNALIGNED, a + ELEM_TYPE, elemType);
            return a;
        }
        Object[] flat = new Object[Math.toIntExact(n)];
        if (!(leaf.isPrimitive() && depth == 1)) {
            flatten(value, 0, dims, flat, new int[1]);
        }
        return leaf.isPrimitive() && depth == 1 ? writePrimitives(value, dims) : writeElements(flat, dims);
    }

    private static PgException notRectangular() {
        return new PgException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                "multidimensional arrays must have array expressions with matching dimensions");
    }

    private int length(Object level) {
        return level instanceof List<?> l ? l.size() : Array.getLength(level);
    }

    private Object element(Object level, int i) {
        return level instanceof List<?> l ? l.get(i) : Array.get(level, i);
    }

    private void flatten(Object level, int d, int[] dims, Object[] flat, int[] index) {
        if (level == null || length(level) != dims[d]) {
            throw notRectangular();
        }
        for (int i = 0; i < dims[d]; i++) {
            Object e = element(level, i);
            if (d == dims.length - 1) {
                flat[index[0]++] = e;
            } else {
                flatten(e, d + 1, dims, flat, index);
            }
        }
    }

    private long writeHeader(long nbytes, int[] dims, boolean nulls, int n) {
        int ndim = dims.length;
        long overhead = nulls ? alignUp(HEADER + 8L * ndim + (n + 7) / 8, MAXALIGN) : alignUp(HEADER + 8L * ndim, MAXALIGN);
        long a = Varlena.allocate(overhead + nbytes - 4);
        ALL.asSlice(a + 4, overhead + nbytes - 4).fill((byte) 0);
        ALL.set(JAVA_INT_UNALIGNED, a + NDIM, ndim);
        ALL.set(JAVA_INT_UNALIGNED, a + DATA_OFFSET, nulls ? (int) overhead : 0);
        ALL.set(JAVA_INT_UNALIGNED, a + ELEM_TYPE, elemType);
        for (int i = 0; i < ndim; i++) {
            ALL.set(JAVA_INT_UNALIGNED, a + HEADER + 4L * i, dims[i]);
            ALL.set(JAVA_INT_UNALIGNED, a + HEADER + 4L * ndim + 4L * i, 1);
        }
        return a;
    }

    private long writePrimitives(Object value, int[] dims) {
        int n = dims[0];
        long a = writeHeader(alignUp((long) n * typlen, align), dims, false, n);
        long data = data(a, 1);
        switch (bulk ? value : null) {
            case int[] v -> java.lang.foreign.MemorySegment.copy(v, 0, ALL, JAVA_INT_UNALIGNED, data, n);
            case long[] v -> java.lang.foreign.MemorySegment.copy(v, 0, ALL, JAVA_LONG_UNALIGNED, data, n);
            case double[] v -> java.lang.foreign.MemorySegment.copy(v, 0, ALL, JAVA_DOUBLE_UNALIGNED, data, n);
            case float[] v -> java.lang.foreign.MemorySegment.copy(v, 0, ALL, JAVA_FLOAT_UNALIGNED, data, n);
            case short[] v -> java.lang.foreign.MemorySegment.copy(v, 0, ALL, JAVA_SHORT_UNALIGNED, data, n);
            case null, default -> {
                long p = data;
                for (int i = 0; i < n; i++, p = alignUp(p + typlen, align)) {
                    store(p, datum(Array.get(value, i)), typlen);
                }
            }
        }
        return a;
    }

    private long datum(Object element) {
        try {
            return (long) to.invokeExact(element);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long writeElements(Object[] flat, int[] dims) {
        int n = flat.length;
        long[] datums = new long[n];
        boolean nulls = false;
        long nbytes = 0;
        for (int i = 0; i < n; i++) {
            if (flat[i] == null) {
                nulls = true;
                continue;
            }
            datums[i] = datum(flat[i]);
            nbytes = alignUp(nbytes + (byval ? typlen : size(datums[i])), align);
        }
        long a = writeHeader(nbytes, dims, nulls, n);
        long bitmap = a + HEADER + 8L * dims.length;
        long p = data(a, dims.length);
        for (int i = 0; i < n; i++) {
            if (flat[i] == null) {
                continue;
            }
            if (nulls) {
                long at = bitmap + (i >> 3);
                ALL.set(JAVA_BYTE, at, (byte) (ALL.get(JAVA_BYTE, at) | (1 << (i & 7))));
            }
            long size = byval ? typlen : size(datums[i]);
            if (byval) {
                store(p, datums[i], typlen);
            } else {
                java.lang.foreign.MemorySegment.copy(ALL, datums[i], ALL, p, size);
            }
            p = alignUp(p + size, align);
        }
        return a;
    }

    private static void store(long p, long datum, int typlen) {
        switch (typlen) {
            case 1 -> ALL.set(JAVA_BYTE, p, (byte) datum);
            case 2 -> ALL.set(JAVA_SHORT_UNALIGNED, p, (short) datum);
            case 4 -> ALL.set(JAVA_INT_UNALIGNED, p, (int) datum);
            default -> ALL.set(JAVA_LONG_UNALIGNED, p, datum);
        }
    }
}
