package org.pgj.tooling.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n"));
    }

    @Test
    void aChangedLineWithContextAsDiffPrintsIt() {
        String expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String actual = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("""
                --- expected/t.out
                +++ results/t.out
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """, UnifiedDiff.of("expected/t.out", expected, "results/t.out", actual));
    }

    @Test
    void distantChangesAreSeparateHunks() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append(i).append('\n');
            b.append(i == 2 ? "two" : i == 28 ? "twenty-eight" : Integer.toString(i)).append('\n');
        }
        String diff = UnifiedDiff.of("a", a.toString(), "b", b.toString());
        assertTrue(diff.contains("@@ -1,5 +1,5 @@"), diff);
        assertTrue(diff.contains("@@ -25,6 +25,6 @@"), diff);
    }

    @Test
    void insertionsAndAMissingFinalNewline() {
        String diff = UnifiedDiff.of("a", "x\n", "b", "x\ny\n");
        assertTrue(diff.contains(" x\n+y\n"), diff);
        assertTrue(UnifiedDiff.of("a", "x\n", "b", "x").contains("differ only in line endings"));
        assertTrue(UnifiedDiff.of("a", "x\r\n", "b", "x\n").contains("differ only in line endings"));
    }
}
