package org.pgj.internal.datum;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.invoke.MethodType.methodType;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Set;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.types.Range;

/**
 * Ranges through the server's own {@code range_deserialize} and {@code make_range}, which know
 * the on-disk layout and canonicalize discrete ranges; each bound converts with the mapping of
 * the range's element type. An upper bound below the lower one is the server's own error.
 */
final class RangeCodec {
    private static final long RANGE_DESERIALIZE = Facts.get("fn.range_deserialize");
    private static final long MAKE_RANGE = Facts.get("fn.pgj_make_range");
    private static final int RANGE_INFO = Facts.getInt("TYPECACHE_RANGE_INFO");
    private static final long TYPE_ID = Facts.get("TypeCacheEntry.type_id");
    private static final long ELEM_TYPE = Facts.get("TypeCacheEntry.rngelemtype");
    private static final long VAL = Facts.get("RangeBound.val");
    private static final long INFINITE = Facts.get("RangeBound.infinite");
    private static final long INCLUSIVE = Facts.get("RangeBound.inclusive");
    private static final long LOWER = Facts.get("RangeBound.lower");
    private static final long BOUND_SIZE = Facts.get("sizeof.RangeBound");
    private static final long RANGE_TYPE_ID = Facts.get("RangeType.rangetypid");
    private static final MethodHandle READ = Native.findStatic(MethodHandles.lookup(), RangeCodec.class, "read",
            methodType(Range.class, RangeCodec.class, long.class));
    private static final MethodHandle WRITE = Native.findStatic(MethodHandles.lookup(), RangeCodec.class, "write",
            methodType(long.class, RangeCodec.class, Range.class));

    /** The type cache entry: it lives as long as the backend. */
    private final long typcache;
    private final int rangeType;
    private final MethodHandle from;
    private final MethodHandle to;

    private RangeCodec(long typcache, int rangeType, TypeMapping element) {
        this.typcache = typcache;
        this.rangeType = rangeType;
        this.from = Conversions.reader(element);
        this.to = Conversions.writer(element);
    }

    /** The element type of a range type, or 0 when {@code rangeType} is not a range. */
    static int elementType(int rangeType) {
        long entry = ServerTypes.lookupTypeCache(rangeType, RANGE_INFO);
        long element = ALL.get(JAVA_LONG_UNALIGNED, entry + ELEM_TYPE);
        return element == 0 ? 0 : ALL.get(JAVA_INT_UNALIGNED, element + TYPE_ID);
    }

    static TypeMapping mapping(int rangeType, TypeMapping element) {
        RangeCodec codec = new RangeCodec(ServerTypes.lookupTypeCache(rangeType, RANGE_INFO), rangeType, element);
        return new TypeMapping(Range.class, Set.of(rangeType), MethodHandles.insertArguments(READ, 0, codec),
                MethodHandles.insertArguments(WRITE, 0, codec));
    }

    private static Range<?> read(RangeCodec codec, long datum) {
        long range = Varlena.pgDetoastDatum(datum);
        int actual = ALL.get(JAVA_INT_UNALIGNED, range + RANGE_TYPE_ID);
        if (actual != codec.rangeType) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "range has type OID " + Integer.toUnsignedString(actual)
                    + ", but this conversion reads type OID " + Integer.toUnsignedString(codec.rangeType));
        }
        try (Arena arena = Arena.ofConfined()) {
            long lower = arena.allocate(BOUND_SIZE, 8).address();
            long upper = arena.allocate(BOUND_SIZE, 8).address();
            long empty = arena.allocate(8).address();
            rangeDeserialize(codec.typcache, range, lower, upper, empty);
            if (ALL.get(JAVA_BYTE, empty) != 0) {
                return Range.empty();
            }
            return Range.of(codec.bound(lower), ALL.get(JAVA_BYTE, lower + INCLUSIVE) != 0,
                    codec.bound(upper), ALL.get(JAVA_BYTE, upper + INCLUSIVE) != 0);
        }
    }

    private Object bound(long bound) {
        if (ALL.get(JAVA_BYTE, bound + INFINITE) != 0) {
            return null;
        }
        try {
            return (Object) from.invokeExact(ALL.get(JAVA_LONG_UNALIGNED, bound + VAL));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long write(RangeCodec codec, Range<?> range) {
        try (Arena arena = Arena.ofConfined()) {
            long lower = arena.allocate(BOUND_SIZE, 8).address();
            long upper = arena.allocate(BOUND_SIZE, 8).address();
            codec.bound(lower, range.lower(), range.lowerInclusive(), true);
            codec.bound(upper, range.upper(), range.upperInclusive(), false);
            return makeRange(codec.typcache, lower, upper, range.isEmpty());
        }
    }

    /** Reads a (detoasted) range into two RangeBounds and its empty flag (a bool). */
    @CFunction(value = "void range_deserialize(TypeCacheEntry *, const RangeType *, RangeBound *, RangeBound *, bool *)",
            header = "utils/rangetypes.h")
    private static void rangeDeserialize(long typcache, long range, long lower, long upper, long empty) {
        Guard.call(RANGE_DESERIALIZE, typcache, range, lower, upper, empty);
    }

    /** make_range, whose prototype 16 changed: pgj-native calls it as each major declares it. */
    @CFunction("RangeType *pgj_make_range(TypeCacheEntry *, RangeBound *, RangeBound *, bool)")
    private static long makeRange(long typcache, long lower, long upper, boolean empty) {
        return Guard.call(MAKE_RANGE, typcache, lower, upper, empty ? 1 : 0);
    }

    private void bound(long bound, Object value, boolean inclusive, boolean isLower) {
        long datum = 0;
        if (value != null) {
            try {
                datum = (long) to.invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
        ALL.set(JAVA_LONG_UNALIGNED, bound + VAL, datum);
        ALL.set(JAVA_BYTE, bound + INFINITE, (byte) (value == null ? 1 : 0));
        ALL.set(JAVA_BYTE, bound + INCLUSIVE, (byte) (inclusive ? 1 : 0));
        ALL.set(JAVA_BYTE, bound + LOWER, (byte) (isLower ? 1 : 0));
    }
}
