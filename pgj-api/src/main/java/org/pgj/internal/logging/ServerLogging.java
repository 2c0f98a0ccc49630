package org.pgj.internal.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.pgj.LogLevel;
import org.pgj.Pg;
import org.pgj.internal.Backend;

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
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new JulHandler());
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

    /** java.util.logging → ereport: SEVERE and WARNING as WARNING, INFO as LOG, finer as DEBUG. */
    private static final class JulHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String message = record.getLoggerName() + ": " + formatter.formatMessage(record);
            if (record.getThrown() != null) {
                message += " (" + record.getThrown() + ")";
            }
            emit(levelOf(record.getLevel()), message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
