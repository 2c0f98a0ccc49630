package org.pgj.internal.profiling;

import java.nio.file.Path;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * pgj.profile: a Java Flight Recorder recording of the session's JVM from its start, written to
 * the file the setting names at the end of every transaction, so the file holds the session so
 * far once a statement has returned. The JVM has the jdk.jfr module only when the setting was on
 * at its start (jvm_boot.c); {@link FlightRecording} is the one class that links against it.
 */
public final class SessionProfile {
    private static FlightRecording recording;

    private SessionProfile() {
    }

    /** At the JVM's start (Boot). */
    public static void startIfAsked() {
        long value = Native.readLong(Facts.get("addr.pgj_profile_file"));
        String file = value == 0 ? "" : Native.readCString(value);
        if (!file.isEmpty() && ModuleLayer.boot().findModule("jdk.jfr").isPresent()) {
            recording = FlightRecording.start(Path.of(file));
        }
    }

    /** At the end of every transaction (Boot). */
    public static void writeIfRecording() {
        if (recording != null) {
            recording.write();
        }
    }
}
