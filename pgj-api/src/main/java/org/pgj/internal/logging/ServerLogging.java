package org.pgj.internal.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.pgj.LogLevel;
import org.pgj.Pg;
import org.pgj.internal.nativecall.Backend;

/**
 * Bridges Java's logging into the server log: java.util.logging (and with it
 * {@code System.Logger}, whose default backend is JUL) and {@code System.out}/{@code err}.
 * Records from other threads wait in {@link PendingLines} until the backend thread logs next:
 * only the backend thread may call ereport.
 */
public final class ServerLogging {
    private ServerLogging() {
    }

    public static void install() {
        // JUL is configured on first use (JulConfig), so backends that never log don't pay for it.
        System.setProperty("java.util.logging.config.class", JulConfig.class.getName());
        System.setOut(new PrintStream(new LineStream("stdout", LogLevel.LOG), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineStream("stderr", LogLevel.LOG), true, StandardCharsets.UTF_8));
    }

    /** Sends a line to the server log now when on the backend thread, else later. */
    static void emit(LogLevel level, String line) {
        if (!Backend.isBackendThread()) {
            PendingLines.add(level, line);
            return;
        }
        PendingLines.drain();
        Pg.log(level, line);
    }

    static LogLevel levelOf(Level level) {
        int v = level.intValue();
        if (v >= Level.WARNING.intValue()) {
            return LogLevel.WARNING;
        }
        if (v >= Level.INFO.intValue()) {
            return LogLevel.LOG;
        }
        if (v >= Level.CONFIG.intValue()) {
            return LogLevel.DEBUG1;
        }
        if (v >= Level.FINE.intValue()) {
            return LogLevel.DEBUG2;
        }
        return v >= Level.FINER.intValue() ? LogLevel.DEBUG3 : LogLevel.DEBUG5;
    }
}
