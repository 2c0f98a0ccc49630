package org.pgj.tooling.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import org.pgj.tooling.ToolException;

/**
 * A JFR recording as an HTML flame graph of its Java execution samples, rendered by
 * async-profiler's converter (the graph, its search and zoom are the converter's own page). Its
 * default event, the JDK's jdk.ExecutionSample, is what the session recorded; its {@code --cpu}
 * left the JDK's samples out (4.2), so none is given. Class names dotted, as Java writes them.
 */
public final class FlameGraph {
    private FlameGraph() {
    }

    public static void render(Path recording, Path html, String title) {
        try {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JfrToFlame.convert(recording.toString(), html.toString(), new Arguments("--dot", "--title", title));
        } catch (IOException | RuntimeException e) {
            throw new ToolException("cannot render the profile " + recording + " as a flame graph (" + e.getMessage()
                    + "): open the recording itself in JDK Mission Control, or record again", e);
        }
    }
}
