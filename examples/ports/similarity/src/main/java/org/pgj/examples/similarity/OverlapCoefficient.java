package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * The overlap coefficient of the strings' token sets: common / min(|A|, |B|).
 * Empty token sets give NaN, as in the original. The value is normalized already:
 * {@code pg_similarity.overlap_is_normalized} changes nothing.
 */
public final class OverlapCoefficient {
    private OverlapCoefficient() {
    }

    /** The overlap coefficient of the strings' token sets. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double overlapcoefficient(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.overlapTokenizer());
    }

    /** Whether {@link #overlapcoefficient}, normalized, reaches {@code pg_similarity.overlap_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~**", commutator = "~**", restrict = "contsel", join = "contjoinsel")
    public static boolean overlapcoefficientOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.overlapTokenizer()) >= settings.overlapThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer) {
        InputLength.check(a, b);
        SharedTokens shared = SharedTokens.of(tokenizer, a, b);
        return (double) shared.common() / Math.min(shared.inA(), shared.inB());
    }
}
