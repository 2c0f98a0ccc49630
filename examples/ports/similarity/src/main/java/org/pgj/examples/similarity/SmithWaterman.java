package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Smith-Waterman's best local alignment (match 2, mismatch -1, gap -1, case-insensitive);
 * normalized, divided by the best possible score, twice the shorter length. When a string is
 * empty the function returns 1, normalized or not (the original's rule).
 */
public final class SmithWaterman {
    static final int MATCH = 2;
    private static final int MISMATCH = -1;
    private static final int GAP = -1;

    private SmithWaterman() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double smithwaterman(String a, String b) {
        return score(a, b, SimilaritySettings.CURRENT.swIsNormalized());
    }

    /** Whether {@link #smithwaterman}, normalized, reaches {@code pg_similarity.sw_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~=~", commutator = "~=~", restrict = "contsel", join = "contjoinsel")
    public static boolean smithwatermanOp(String a, String b) {
        return score(a, b, true) >= SimilaritySettings.CURRENT.swThreshold();
    }

    static double score(String a, String b, boolean normalized) {
        InputLength.check(a, b);
        int[] lowerA = LowerCase.codePoints(a);
        int[] lowerB = LowerCase.codePoints(b);
        return LocalAlignment.normalize(best(lowerA, lowerB), lowerA, lowerB, normalized);
    }

    private static int best(int[] a, int[] b) {
        int[] above = new int[b.length + 1];
        int[] row = new int[b.length + 1];
        int best = 0;
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int diagonal = above[j - 1] + (a[i - 1] == b[j - 1] ? MATCH : MISMATCH);
                row[j] = Math.max(Math.max(0, above[j] + GAP), Math.max(row[j - 1] + GAP, diagonal));
                best = Math.max(best, row[j]);
            }
            int[] swap = above;
            above = row;
            row = swap;
        }
        return best;
    }
}
