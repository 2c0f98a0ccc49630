package org.pgj.internal.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging's configuration class (named by {@code java.util.logging.config.class}):
 * every JUL record goes to the server log. {@link JulHandler} decides per record, as the server's
 * log_min_messages and client_min_messages say at the time of the record. JUL's own
 * {@code Logger.isLoggable} reads only its loggers' levels, so the root level is the lowest JUL
 * level the server would write somewhere, set again whenever either threshold changes
 * ({@link #followThresholds}, from call_handler.c at a call and at every transaction's end).
 */
public final class JulConfig {
    /** The standard levels, lowest first: the root level is the first one the server wants. */
    private static final List<Level> LEVELS = List.of(Level.FINEST, Level.FINER, Level.FINE, Level.CONFIG, Level.INFO, Level.WARNING);

    /** Whether JUL is configured: until then nothing is set, so backends that never log don't load it. */
    private static volatile boolean configured;

    public JulConfig() {
        String config = "handlers=" + JulHandler.class.getName() + "\n.level=" + rootLevel().getName() + "\n";
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configured = true;
    }

    /** Sets the root logger's level from the server's thresholds now, when JUL is in use. */
    public static void followThresholds() {
        if (!configured) {
            return;
        }
        Logger root = Logger.getLogger("");
        Level level = rootLevel();
        if (!level.equals(root.getLevel())) {
            root.setLevel(level);
        }
    }

    /** The lowest standard level the server would write (FINEST: ALL, since lower ones map as FINEST does). */
    private static Level rootLevel() {
        for (Level level : LEVELS) {
            if (ServerLogging.wanted(ServerLogging.levelOf(level))) {
                return level == Level.FINEST ? Level.ALL : level;
            }
        }
        return Level.OFF;
    }
}
