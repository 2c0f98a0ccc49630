package org.pgj.internal.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One JFR recording with the JDK's "profile" settings and Java execution sampled every
 * millisecond (statements are short), written over a temporary file that is then renamed, so a
 * reader never sees half a recording.
 */
final class FlightRecording {
    private final Recording recording;
    private final Path file;

    private FlightRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static FlightRecording start(Path file) {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName("pgj session");
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            return new FlightRecording(recording, file.toAbsolutePath());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("JFR has no 'profile' settings in this JDK: " + e.getMessage(), e);
        }
    }

    void write() {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".pgj-tmp");
            recording.dump(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile " + file + " (pgj.profile): " + e.getMessage(), e);
        }
    }
}
