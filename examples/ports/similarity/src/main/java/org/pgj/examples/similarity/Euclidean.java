package org.pgj.examples.similarity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Euclidean distance between the strings' token presence vectors (1 where a string has a token);
 * normalized, relative to sqrt(|A|² + |B|²) with |A| and |B| counting repeated tokens.
 */
public final class Euclidean {
    private Euclidean() {
    }

    /** Euclidean similarity, normalized unless {@code pg_similarity.euclidean_is_normalized} is off. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double euclidean(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.euclideanTokenizer(), settings.euclideanIsNormalized());
    }

    /** Whether {@link #euclidean}, normalized, reaches {@code pg_similarity.euclidean_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~!!", commutator = "~!!", restrict = "contsel", join = "contjoinsel")
    public static boolean euclideanOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.euclideanTokenizer(), true) >= settings.euclideanThreshold();
    }

    static double score(String a, String b, Tokenizer tokenizer, boolean normalized) {
        InputLength.check(a, b);
        List<String> tokensA = tokenizer.tokens(a);
        List<String> tokensB = tokenizer.tokens(b);
        Set<String> inA = new HashSet<>(tokensA);
        Set<String> inB = new HashSet<>(tokensB);
        // Each token in one string and not the other adds 1 to the squared distance.
        long onlyInOne = inA.stream().filter(t -> !inB.contains(t)).count()
                + inB.stream().filter(t -> !inA.contains(t)).count();
        double distance = Math.sqrt(onlyInOne);
        double possible = Math.sqrt(tokensA.size() * tokensA.size() + tokensB.size() * tokensB.size());
        return normalized ? (possible - distance) / possible : distance;
    }
}
