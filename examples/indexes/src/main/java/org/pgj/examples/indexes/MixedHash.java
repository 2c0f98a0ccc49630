package org.pgj.examples.indexes;

import org.pgj.indexes.IndexMethod;
import org.pgj.indexes.IndexOperator;
import org.pgj.indexes.IndexSupport;
import org.pgj.indexes.PgOperatorClass;

/**
 * A hash class for integers whose hash functions are written in Java (the finalizer of
 * MurmurHash3, which spreads neighbouring keys over the buckets): hash indexes, and hash joins
 * and aggregates where the class is the type's, answer {@code =} through it.
 */
@PgOperatorClass(name = "int4_mixed_ops", method = IndexMethod.HASH, type = "integer",
        operators = @IndexOperator(strategy = 1, operator = "="))
public final class MixedHash {
    private MixedHash() {
    }

    @IndexSupport(1)
    public static int hash(int value) {
        return (int) mix(value);
    }

    /** The 64-bit hash with a seed, which a seed of 0 makes the same as {@link #hash(int)} widened. */
    @IndexSupport(2)
    public static long hash(int value, long seed) {
        long h = mix(value);
        return seed == 0 ? (long) (int) h : mix(h ^ seed);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb53fe1a85ec9L;
        k ^= k >>> 33;
        return k;
    }
}
