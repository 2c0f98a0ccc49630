package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Jaro's similarity (common characters within a window, and their transpositions) and Winkler's
 * variant, which rewards a common prefix of up to four characters. Both lie in 0..1 already:
 * their {@code *_is_normalized} settings change nothing, as in the original.
 */
public final class Jaro {
    private static final int PREFIX = 4;
    private static final double SCALING = 0.1;
    private static final double BOOST_ABOVE = 0.7;

    private Jaro() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double jaro(String a, String b) {
        InputLength.check(a, b);
        return score(LowerCase.codePoints(a), LowerCase.codePoints(b));
    }

    /** Whether {@link #jaro} reaches {@code pg_similarity.jaro_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~%%", commutator = "~%%", restrict = "contsel", join = "contjoinsel")
    public static boolean jaroOp(String a, String b) {
        return jaro(a, b) >= SimilaritySettings.CURRENT.jaroThreshold();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double jarowinkler(String a, String b) {
        InputLength.check(a, b);
        int[] lowerA = LowerCase.codePoints(a);
        int[] lowerB = LowerCase.codePoints(b);
        double jaro = score(lowerA, lowerB);
        if (jaro <= BOOST_ABOVE) {
            return jaro;
        }
        int prefix = 0;
        while (prefix < Math.min(PREFIX, Math.min(lowerA.length, lowerB.length)) && lowerA[prefix] == lowerB[prefix]) {
            prefix++;
        }
        return jaro + SCALING * prefix * (1.0 - jaro);
    }

    /** Whether {@link #jarowinkler} reaches {@code pg_similarity.jarowinkler_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~@@", commutator = "~@@", restrict = "contsel", join = "contjoinsel")
    public static boolean jarowinklerOp(String a, String b) {
        return jarowinkler(a, b) >= SimilaritySettings.CURRENT.jarowinklerThreshold();
    }

    static double score(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(a.length, b.length) / 2 - 1);
        boolean[] matchedA = new boolean[a.length];
        boolean[] matchedB = new boolean[b.length];
        int common = 0;
        for (int i = 0; i < a.length; i++) {
            int from = Math.max(i - window, 0);
            int to = Math.min(i + window + 1, b.length);
            if (from >= to) {
                break; // b has no characters left within reach
            }
            for (int j = from; j < to; j++) {
                if (!matchedB[j] && a[i] == b[j]) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    common++;
                    break;
                }
            }
        }
        if (common == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        for (int i = 0, j = 0; i < a.length; i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a[i] != b[j]) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        int transpositions = halfTranspositions / 2;
        // The original's order of operations, so that the last bits agree too.
        return 1.0 / 3.0 * common / a.length + 1.0 / 3.0 * common / b.length
                + 1.0 / 3.0 * (common - transpositions) / common;
    }
}
