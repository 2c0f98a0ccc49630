package org.pgj.examples.similarity;

import java.util.List;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Monge-Elkan: for each token of the first string, its best {@link GotohAlignment} score against
 * the second string's tokens, averaged. The value is not scaled to 0..1 whatever
 * {@code pg_similarity.mongeelkan_is_normalized} says (as in the original); no tokens give NaN.
 */
public final class MongeElkan {
    private MongeElkan() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double mongeelkan(String a, String b) {
        return score(a, b, SimilaritySettings.CURRENT.mongeelkanTokenizer());
    }

    /** Whether {@link #mongeelkan} reaches {@code pg_similarity.mongeelkan_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~||", commutator = "~||", restrict = "contsel", join = "contjoinsel")
    public static boolean mongeelkanOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.mongeelkanTokenizer()) >= settings.mongeelkanThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer) {
        InputLength.check(a, b);
        List<int[]> tokensA = tokenizer.tokens(a).stream().map(LowerCase::codePoints).toList();
        List<int[]> tokensB = tokenizer.tokens(b).stream().map(LowerCase::codePoints).toList();
        double sum = 0.0;
        for (int[] tokenA : tokensA) {
            double best = 0.0;
            for (int[] tokenB : tokensB) {
                best = Math.max(best, GotohAlignment.best(tokenA, tokenB));
            }
            sum += best;
        }
        return sum / tokensA.size();
    }
}
