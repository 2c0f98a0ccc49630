package org.pgj.tooling.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -U3} style) of two texts by lines, as pg_regress shows a failed
 * test: lines only in the expected output start with {@code -}, lines only in the result with
 * {@code +}. Based on a longest common subsequence, which is fine for test outputs.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Above this many line pairs the table would be large; such outputs are compared by their head. */
    private static final long MAX_CELLS = 25_000_000L;

    private UnifiedDiff() {
    }

    /** The diff, or an empty string when the texts are equal. */
    static String of(String expectedName, String expected, String actualName, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        if (a.equals(b) && expected.equals(actual)) {
            return "";
        }
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return "--- " + expectedName + "\n+++ " + actualName + "\n(outputs of " + a.size() + " and " + b.size()
                    + " lines differ; too long to diff here, compare the files)\n";
        }
        List<Op> ops = ops(a, b);
        StringBuilder out = new StringBuilder("--- ").append(expectedName).append("\n+++ ").append(actualName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            // One hunk holds changes closer than two contexts apart.
            int lastChange = i;
            for (int j = i + 1; j < ops.size() && j - lastChange <= 2 * CONTEXT; j++) {
                if (ops.get(j).kind != ' ') {
                    lastChange = j;
                }
            }
            int end = Math.min(ops.size() - 1, lastChange + CONTEXT);
            hunk(out, ops.subList(start, end + 1));
            i = end + 1;
        }
        if (!expected.equals(actual) && a.equals(b)) {
            out.append("(the outputs differ only in line endings or a final newline)\n");
        }
        return out.toString();
    }

    private record Op(char kind, String line, int aLine, int bLine) {
    }

    private static void hunk(StringBuilder out, List<Op> ops) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (Op op : ops) {
            if (op.kind != '+') {
                aCount++;
                if (aStart < 0) {
                    aStart = op.aLine;
                }
            }
            if (op.kind != '-') {
                bCount++;
                if (bStart < 0) {
                    bStart = op.bLine;
                }
            }
        }
        out.append("@@ -").append(range(aStart < 0 ? ops.get(0).aLine : aStart, aCount))
                .append(" +").append(range(bStart < 0 ? ops.get(0).bLine : bStart, bCount)).append(" @@\n");
        for (Op op : ops) {
            out.append(op.kind).append(op.line).append('\n');
        }
    }

    private static String range(int start, int count) {
        // 1-based; an empty range names the line before it, as diff does.
        return count == 0 ? start + ",0" : (start + 1) + (count == 1 ? "" : "," + count);
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i), i++, j)); // removals first, as diff prints them
            } else {
                ops.add(new Op('+', b.get(j), i, j++));
            }
        }
        return ops;
    }
}
