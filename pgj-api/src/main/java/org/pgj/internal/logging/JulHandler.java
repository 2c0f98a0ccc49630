package org.pgj.internal.logging;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** java.util.logging → ereport: SEVERE and WARNING as WARNING, INFO as LOG, finer levels as DEBUG. */
public final class JulHandler extends Handler {
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
        ServerLogging.emit(ServerLogging.levelOf(record.getLevel()), message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
