package org.pgj.internal.logging;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.pgj.LogLevel;

/**
 * java.util.logging → ereport: SEVERE and WARNING as WARNING, INFO as LOG, finer levels as DEBUG;
 * a record the server would write nowhere (log_min_messages, client_min_messages) is dropped here.
 */
public final class JulHandler extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
        LogLevel level = ServerLogging.levelOf(record.getLevel());
        if (!isLoggable(record) || !ServerLogging.wanted(level)) {
            return;
        }
        ServerLogging.emit(level, ServerLogger.line(record.getLoggerName(), formatter.formatMessage(record), record.getThrown()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
