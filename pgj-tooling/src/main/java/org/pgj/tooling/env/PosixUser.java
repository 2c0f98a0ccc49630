package org.pgj.tooling.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process runs as. Root changes the rules: PostgreSQL refuses to run as root. */
public final class PosixUser {
    private PosixUser() {
    }

    public static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective uid; no native call needed.
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
