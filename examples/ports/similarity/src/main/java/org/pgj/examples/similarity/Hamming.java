package org.pgj.examples.similarity;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.SqlType;
import org.pgj.functions.Volatility;

/**
 * Hamming distance: how many positions of two equally long bit strings or texts differ;
 * normalized, 1 - distance / length, and 1 for two empty ones. Texts compare case-sensitively.
 */
public final class Hamming {
    private Hamming() {
    }

    /** Hamming similarity of two bit strings (passed in their text form, "0101"). */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double hamming(@SqlType("varbit") String a, @SqlType("varbit") String b) {
        return score(a.codePoints().toArray(), b.codePoints().toArray(), "bit strings",
                SimilaritySettings.CURRENT.hammingIsNormalized());
    }

    /** Whether {@link #hamming}, normalized, reaches {@code pg_similarity.hamming_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    public static boolean hammingOp(@SqlType("varbit") String a, @SqlType("varbit") String b) {
        return score(a.codePoints().toArray(), b.codePoints().toArray(), "bit strings", true)
                >= SimilaritySettings.CURRENT.hammingThreshold();
    }

    /** Hamming similarity of two texts. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double hammingText(String a, String b) {
        InputLength.check(a, b);
        return score(a.codePoints().toArray(), b.codePoints().toArray(), "text strings",
                SimilaritySettings.CURRENT.hammingIsNormalized());
    }

    /** Whether {@link #hammingText}, normalized, reaches {@code pg_similarity.hamming_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~@~", commutator = "~@~", restrict = "contsel", join = "contjoinsel")
    public static boolean hammingTextOp(String a, String b) {
        InputLength.check(a, b);
        return score(a.codePoints().toArray(), b.codePoints().toArray(), "text strings", true)
                >= SimilaritySettings.CURRENT.hammingThreshold();
    }

    private static double score(int[] a, int[] b, String what, boolean normalized) {
        if (a.length != b.length) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, what + " must have the same length");
        }
        int distance = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                distance++;
            }
        }
        if (a.length == 0) {
            return 1.0;
        }
        return normalized ? 1.0 - (double) distance / a.length : distance;
    }
}
