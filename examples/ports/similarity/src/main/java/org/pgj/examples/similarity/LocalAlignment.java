package org.pgj.examples.similarity;

/** What Smith-Waterman and Smith-Waterman-Gotoh share: the original's normalization. */
final class LocalAlignment {
    private LocalAlignment() {
    }

    /**
     * {@code best} divided by twice the shorter length when normalized; 1 when a string is empty,
     * normalized or not.
     */
    static double normalize(double best, int[] a, int[] b, boolean normalized) {
        int shorter = Math.min(a.length, b.length);
        if (shorter == 0) {
            return 1.0;
        }
        return normalized ? best / (shorter * (double) SmithWaterman.MATCH) : best;
    }
}
