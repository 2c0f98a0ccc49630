package org.pgj.examples.similarity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Matching coefficient: how many of the first string's tokens (repeats counted) the second has;
 * normalized, divided by the larger token count.
 */
public final class MatchingCoefficient {
    private MatchingCoefficient() {
    }

    /** Matching coefficient, normalized unless {@code pg_similarity.matching_is_normalized} is off. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double matchingcoefficient(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.matchingTokenizer(), settings.matchingIsNormalized());
    }

    /** Whether {@link #matchingcoefficient}, normalized, reaches {@code pg_similarity.matching_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~^^", commutator = "~^^", restrict = "contsel", join = "contjoinsel")
    public static boolean matchingcoefficientOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.matchingTokenizer(), true) >= settings.matchingThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer, boolean normalized) {
        InputLength.check(a, b);
        List<String> tokensA = tokenizer.tokens(a);
        List<String> tokensB = tokenizer.tokens(b);
        Set<String> inB = new HashSet<>(tokensB);
        int common = 0;
        for (String token : tokensA) {
            if (inB.contains(token)) {
                common++;
            }
        }
        return normalized ? (double) common / Math.max(tokensA.size(), tokensB.size()) : common;
    }
}
