package org.pgj.examples.similarity;

import org.pgj.functions.PgFunction;
import org.pgj.functions.PgOperator;
import org.pgj.functions.Volatility;

/**
 * Needleman-Wunsch's global alignment score, with the original's nucleotide substitution matrix
 * (a, c, g, t; any other pair scores -99) and the gap penalty {@code pg_similarity.nw_gap_penalty}
 * (whole units). Normalized as the original does it (its own FIXME), so only its results are
 * meant to be kept: this is a port, not a redesign.
 */
public final class NeedlemanWunsch {
    private static final String NUCLEOTIDES = "agct";
    private static final int[][] SUBSTITUTION = {
        // a    g    c    t
        {10, -1, -3, -4}, // a
        {-1, 7, -5, -3}, // g
        {-3, -5, 9, 0}, // c
        {-4, -3, 0, 8}, // t
    };
    private static final int UNKNOWN_PAIR = -99;
    /** The original bounds its normalization with Levenshtein's costs. */
    private static final int LEVENSHTEIN_MIN_COST = 0;
    private static final int LEVENSHTEIN_MAX_COST = 1;

    private NeedlemanWunsch() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static double needlemanwunsch(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.nwGapPenalty(), settings.nwIsNormalized());
    }

    /** Whether {@link #needlemanwunsch}, normalized, reaches {@code pg_similarity.nw_threshold}. */
    @PgFunction(volatility = Volatility.STABLE)
    @PgOperator(value = "~#~", commutator = "~#~", restrict = "contsel", join = "contjoinsel")
    public static boolean needlemanwunschOp(String a, String b) {
        SimilaritySettings settings = SimilaritySettings.CURRENT;
        return score(a, b, settings.nwGapPenalty(), true) >= settings.nwThreshold();
    }

    static double score(String a, String b, double gapPenalty, boolean normalized) {
        InputLength.check(a, b);
        int[] lowerA = LowerCase.codePoints(a);
        int[] lowerB = LowerCase.codePoints(b);
        double longer = Math.max(lowerA.length, lowerB.length);
        double result = alignment(lowerA, lowerB, (int) gapPenalty);
        if (longer == 0.0) {
            return 1.0;
        }
        if (!normalized) {
            return result;
        }
        double max = longer * Math.max(LEVENSHTEIN_MAX_COST, gapPenalty);
        double min = longer * Math.min(LEVENSHTEIN_MIN_COST, gapPenalty);
        if (min < 0.0) {
            max -= min;
            result -= min;
        }
        return max == 0.0 ? 0.0 : 1.0 - result / max;
    }

    /** The best global alignment's score; an empty string scores the other's length (the original's rule). */
    private static int alignment(int[] a, int[] b, int gap) {
        if (a.length == 0) {
            return b.length;
        }
        if (b.length == 0) {
            return a.length;
        }
        int[] above = new int[b.length + 1];
        int[] row = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            above[j] = gap * j;
        }
        for (int i = 1; i <= a.length; i++) {
            row[0] = gap * i;
            for (int j = 1; j <= b.length; j++) {
                int diagonal = above[j - 1] + substitution(a[i - 1], b[j - 1]);
                row[j] = Math.max(Math.max(row[j - 1] + gap, above[j] + gap), diagonal);
            }
            int[] swap = above;
            above = row;
            row = swap;
        }
        return above[b.length];
    }

    private static int substitution(int x, int y) {
        int i = x < 128 ? NUCLEOTIDES.indexOf(x) : -1;
        int j = y < 128 ? NUCLEOTIDES.indexOf(y) : -1;
        return i < 0 || j < 0 ? UNKNOWN_PAIR : SUBSTITUTION[i][j];
    }
}
