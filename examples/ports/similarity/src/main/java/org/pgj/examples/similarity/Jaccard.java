package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Jaccard's index of the strings' token sets: common / |A or B|.
 * Empty token sets give NaN, as in the original. The value is normalized already:
 * {@code pg_similarity.jaccard_is_normalized} changes nothing.
 */
public final class Jaccard {
    private Jaccard() {
    }

    /** Jaccard's index of the strings' token sets. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double jaccard(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.jaccardTokenizer());
    }

    /** Whether {@link #jaccard}, normalized, reaches {@code pg_similarity.jaccard_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~??", commutator = "~??", restrict = "contsel", join = "contjoinsel")
    public static boolean jaccardOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.jaccardTokenizer()) >= settings.jaccardThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer) {
        InputLength.check(a, b);
        SharedTokens shared = SharedTokens.of(tokenizer, a, b);
        return (double) shared.common() / shared.inEither();
    }
}
