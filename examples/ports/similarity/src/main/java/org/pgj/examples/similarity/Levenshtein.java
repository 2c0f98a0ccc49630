package org.pgj.examples.similarity;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Levenshtein's edit distance (unit costs, case-insensitive); normalized, 1 - distance / the
 * longer length, and 1 for two empty strings. The distance is Apache Commons Text's, which counts
 * UTF-16 units: a character outside the Basic Multilingual Plane counts as two.
 */
public final class Levenshtein {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Levenshtein() {
    }

    /** Levenshtein similarity, normalized unless {@code pg_similarity.levenshtein_is_normalized} is off. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double lev(String a, String b) {
        return score(a, b, SimilaritySettings.CURRENT.levenshteinIsNormalized());
    }

    /** Whether {@link #lev}, normalized, reaches {@code pg_similarity.levenshtein_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~==", commutator = "~==", restrict = "contsel", join = "contjoinsel")
    public static boolean levOp(String a, String b) {
        return score(a, b, true) >= SimilaritySettings.CURRENT.levenshteinThreshold();
    }

    static double score(String a, String b, boolean normalized) {
        InputLength.check(a, b);
        String lowerA = lowerCase(a);
        String lowerB = lowerCase(b);
        int longer = Math.max(lowerA.length(), lowerB.length());
        if (longer == 0) {
            return 1.0;
        }
        int distance = DISTANCE.apply(lowerA, lowerB);
        return normalized ? 1.0 - (double) distance / longer : distance;
    }

    private static String lowerCase(String s) {
        int[] lower = LowerCase.codePoints(s);
        return new String(lower, 0, lower.length);
    }
}
