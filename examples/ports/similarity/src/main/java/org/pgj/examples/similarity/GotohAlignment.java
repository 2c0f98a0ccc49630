package org.pgj.examples.similarity;

/**
 * The original's Smith-Waterman-Gotoh local alignment, which Monge-Elkan uses for its tokens: a
 * character scores 5 against itself, 3 against one of its approximate group ("dt", "gj", "lr",
 * "mn", "bpv", "aeiou", ",."), -3 otherwise; a gap of k characters within a window of 100 costs
 * 4 + k. As in the original, the first row and column hold the alignments of the characters at
 * index 0, and cell (i, j) scores the characters at i and j (not i - 1 and j - 1): its results,
 * not the textbook's, are the ones to match.
 */
final class GotohAlignment {
    private static final int WINDOW = 100;
    private static final int SAME = 5;
    private static final int APPROXIMATE = 3;
    private static final int DIFFERENT = -3;
    private static final String[] APPROXIMATE_GROUPS = {"dt", "gj", "lr", "mn", "bpv", "aeiou", ",."};

    private GotohAlignment() {
    }

    /** The best score; for an empty string, the other's length (the original's rule). */
    static double best(int[] a, int[] b) {
        if (a.length == 0) {
            return b.length;
        }
        if (b.length == 0) {
            return a.length;
        }
        // The first column and row, and the best gap into each of their cells, which is also the
        // best gap into every cell of that row or column.
        int[] firstColumn = new int[a.length + 1];
        int[] firstRow = new int[b.length + 1];
        int[] gapDown = new int[a.length + 1];
        int[] gapRight = new int[b.length + 1];
        firstColumn[0] = Math.max(0, cost(a, b, 0, 0));
        firstRow[0] = firstColumn[0];
        int best = firstColumn[0];
        for (int i = 1; i <= a.length; i++) {
            gapDown[i] = bestGap(i, firstColumn);
            firstColumn[i] = Math.max(0, Math.max(gapDown[i], cost(a, b, i, 0)));
            best = Math.max(best, firstColumn[i]);
        }
        for (int j = 1; j <= b.length; j++) {
            gapRight[j] = bestGap(j, firstRow);
            firstRow[j] = Math.max(0, Math.max(gapRight[j], cost(a, b, 0, j)));
            best = Math.max(best, firstRow[j]);
        }
        int[] above = firstRow.clone();
        int[] row = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            row[0] = firstColumn[i];
            for (int j = 1; j <= b.length; j++) {
                int diagonal = above[j - 1] + cost(a, b, i, j);
                row[j] = Math.max(Math.max(0, gapDown[i]), Math.max(gapRight[j], diagonal));
                best = Math.max(best, row[j]);
            }
            int[] swap = above;
            above = row;
            row = swap;
        }
        return best;
    }

    /** The best of {@code line[n - k] - (4 + k)} over gaps of k = 1 .. n - 1 within the window; 0 if none. */
    private static int bestGap(int n, int[] line) {
        int best = 0;
        for (int k = Math.max(1, n - WINDOW); k < n; k++) {
            best = Math.max(best, line[n - k] - (4 + k));
        }
        return best;
    }

    /** The score of a[i] against b[j]; an index past either end scores as different. */
    private static int cost(int[] a, int[] b, int i, int j) {
        if (i >= a.length || j >= b.length) {
            return DIFFERENT;
        }
        if (a[i] == b[j]) {
            return SAME;
        }
        for (String group : APPROXIMATE_GROUPS) {
            if (group.indexOf(a[i]) >= 0 && group.indexOf(b[j]) >= 0) {
                return APPROXIMATE;
            }
        }
        return DIFFERENT;
    }
}
