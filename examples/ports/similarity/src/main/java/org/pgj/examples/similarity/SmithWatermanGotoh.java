package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Smith-Waterman-Gotoh's local alignment with affine gaps ({@link GotohAlignment}),
 * case-insensitive, normalized as {@link SmithWaterman}.
 */
public final class SmithWatermanGotoh {
    private SmithWatermanGotoh() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double smithwatermangotoh(String a, String b) {
        return score(a, b, SimilaritySettings.CURRENT.swgIsNormalized());
    }

    /** Whether {@link #smithwatermangotoh}, normalized, reaches {@code pg_similarity.swg_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~!~", commutator = "~!~", restrict = "contsel", join = "contjoinsel")
    public static boolean smithwatermangotohOp(String a, String b) {
        return score(a, b, true) >= SimilaritySettings.CURRENT.swgThreshold();
    }

    static double score(String a, String b, boolean normalized) {
        InputLength.check(a, b);
        int[] lowerA = LowerCase.codePoints(a);
        int[] lowerB = LowerCase.codePoints(b);
        return LocalAlignment.normalize(GotohAlignment.best(lowerA, lowerB), lowerA, lowerB, normalized);
    }
}
