package org.pgj.tooling.profile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgj.tooling.ToolException;

/** A JDK Flight Recorder recording becomes a flame graph that names where the time went. */
class FlameGraphTest {

    /** The hot method: its name must appear in the graph. */
    static long spinInHotMethod(long until) {
        long x = 1;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }

    @Test
    void theGraphNamesTheHotMethod(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("cpu.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            spinInHotMethod(System.nanoTime() + Duration.ofMillis(500).toNanos());
            recording.stop();
            recording.dump(jfr);
        }
        Path html = dir.resolve("sub/graph.html");
        FlameGraph.render(jfr, html, "a test");
        String page = Files.readString(html);
        assertTrue(page.contains("spinInHotMethod"), "the hot method is in the graph");
        assertTrue(page.contains("a test"), "with its title");
        assertTrue(page.contains("org.pgj.tooling.profile") || page.contains("FlameGraphTest"), "class names dotted");
    }

    @Test
    void aFileThatIsNoRecordingSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path notJfr = Files.writeString(dir.resolve("x.jfr"), "not a recording");
        ToolException e = assertThrows(ToolException.class, () -> FlameGraph.render(notJfr, dir.resolve("x.html"), "x"));
        assertTrue(e.getMessage().contains("cannot render the profile " + notJfr), e.getMessage());
        assertTrue(e.getMessage().contains("record again"), e.getMessage());
    }
}
