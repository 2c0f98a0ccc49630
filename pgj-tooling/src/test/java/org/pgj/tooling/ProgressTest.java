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
}
