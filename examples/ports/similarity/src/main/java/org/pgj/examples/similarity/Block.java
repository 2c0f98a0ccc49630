package org.pgj.examples.similarity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Block (L1, city-block) distance between the strings' token counts: the sum over distinct tokens
 * of how much more often one string has it than the other; normalized, 1 - distance / (|A| + |B|).
 */
public final class Block {
    private Block() {
    }

    /** Block similarity, normalized unless {@code pg_similarity.block_is_normalized} is off. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double block(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.blockTokenizer(), settings.blockIsNormalized());
    }

    /** Whether {@link #block}, normalized, reaches {@code pg_similarity.block_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~++", commutator = "~++", restrict = "contsel", join = "contjoinsel")
    public static boolean blockOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.blockTokenizer(), true) >= settings.blockThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer, boolean normalized) {
        InputLength.check(a, b);
        List<String> tokensA = tokenizer.tokens(a);
        List<String> tokensB = tokenizer.tokens(b);
        Set<String> distinct = new HashSet<>(tokensA);
        distinct.addAll(tokensB);
        Map<String, Integer> countsA = counts(tokensA);
        Map<String, Integer> countsB = counts(tokensB);
        int distance = 0;
        for (String token : distinct) {
            distance += Math.abs(countsA.getOrDefault(token, 0) - countsB.getOrDefault(token, 0));
        }
        int possible = tokensA.size() + tokensB.size();
        return normalized ? (double) (possible - distance) / possible : distance;
    }

    /** How often each token occurs. */
    private static Map<String, Integer> counts(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
        }
        return counts;
    }
}
