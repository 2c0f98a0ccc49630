package org.pgj.tooling.regress;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/**
 * A unified diff ({@code diff -U3} style, by java-diff-utils) of two texts by lines, as pg_regress
 * shows a failed test: lines only in the expected output start with {@code -}, lines only in the
 * result with {@code +}.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff, or an empty string when the texts are equal. */
    static String of(String expectedName, String expected, String actualName, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        if (a.equals(b)) {
            return "--- " + expectedName + "\n+++ " + actualName + "\n(the outputs differ only in line endings or a final newline)\n";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(expectedName, actualName, a, DiffUtils.diff(a, b), CONTEXT);
        return String.join("\n", lines) + "\n";
    }
}
