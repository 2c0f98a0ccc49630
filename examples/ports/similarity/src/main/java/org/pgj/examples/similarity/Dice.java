package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Dice's coefficient of the strings' token sets: 2 common / (|A| + |B|).
 * Empty token sets give NaN, as in the original. The value is normalized already:
 * {@code pg_similarity.dice_is_normalized} changes nothing.
 */
public final class Dice {
    private Dice() {
    }

    /** Dice's coefficient of the strings' token sets. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double dice(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.diceTokenizer());
    }

    /** Whether {@link #dice}, normalized, reaches {@code pg_similarity.dice_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~-~", commutator = "~-~", restrict = "contsel", join = "contjoinsel")
    public static boolean diceOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.diceTokenizer()) >= settings.diceThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer) {
        InputLength.check(a, b);
        SharedTokens shared = SharedTokens.of(tokenizer, a, b);
        return (2.0 * shared.common()) / (shared.inA() + shared.inB());
    }
}
