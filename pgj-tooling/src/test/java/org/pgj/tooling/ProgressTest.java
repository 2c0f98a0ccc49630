package org.pgj.tooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void prefixesElapsedSeconds() {
        List<String> lines = new ArrayList<>();
        Progress.to(lines::add).step("building pgj.so");
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches("\\[pgj \\+\\d+\\.\\ds] building pgj\\.so"), lines.get(0));
    }

    @Test
    void longStepsReportWhileTheyRunAndHowLongTheyTook() throws InterruptedException {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Progress p = lines::add;
        try (ProgressStep step = ProgressStep.start(p, "building pgj.so", java.time.Duration.ofMillis(50))) {
            Thread.sleep(300);
            step.done("built pgj.so");
        }
        int count = lines.size();
        Thread.sleep(150);
        assertEquals(count, lines.size(), "no heartbeat after the step ended");
        assertEquals("building pgj.so ...", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("still building pgj\\.so \\(0\\.\\ds\\)")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).matches("built pgj\\.so in 0\\.\\ds"), lines.toString());
    }
}
