package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/** Q-gram similarity: the {@link Block} measure over trigrams, with its own settings. */
public final class Qgram {
    private Qgram() {
    }

    /** Q-gram similarity, normalized unless {@code pg_similarity.qgram_is_normalized} is off. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double qgram(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return Block.score(a, b, tokenizer(settings), settings.qgramIsNormalized());
    }

    /** Whether {@link #qgram}, normalized, reaches {@code pg_similarity.qgram_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~~~", commutator = "~~~", restrict = "contsel", join = "contjoinsel")
    public static boolean qgramOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return Block.score(a, b, tokenizer(settings), true) >= settings.qgramThreshold();
    }

    private static Tokenizer tokenizer(SimilaritySettings settings) {
        return switch (settings.qgramTokenizer()) {
            case GRAM -> Tokenizer.GRAM;
        };
    }
}
