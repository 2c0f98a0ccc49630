package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * The cosine of the angle between the strings' token sets: common / sqrt(|A| |B|).
 * Empty token sets give NaN, as in the original. The value is normalized already:
 * {@code pg_similarity.cosine_is_normalized} changes nothing.
 */
public final class Cosine {
    private Cosine() {
    }

    /** The cosine of the angle between the strings' token sets. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double cosine(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.cosineTokenizer());
    }

    /** Whether {@link #cosine}, normalized, reaches {@code pg_similarity.cosine_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~##", commutator = "~##", restrict = "contsel", join = "contjoinsel")
    public static boolean cosineOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.cosineTokenizer()) >= settings.cosineThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer) {
        InputLength.check(a, b);
        SharedTokens shared = SharedTokens.of(tokenizer, a, b);
        return shared.common() / (Math.sqrt(shared.inA()) * Math.sqrt(shared.inB()));
    }
}
