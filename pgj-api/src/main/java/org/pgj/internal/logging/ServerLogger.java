package org.pgj.internal.logging;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.pgj.LogLevel;

/**
 * A {@code System.Logger} that writes to the server log. Its levels are java.util.logging's
 * equivalents (ERROR and WARNING as WARNING, INFO as LOG, DEBUG as DEBUG2, TRACE as DEBUG3), so a
 * library logs at the same server level through either API; {@link #isLoggable} follows the
 * server's thresholds.
 */
final class ServerLogger implements System.Logger {
    private final String name;

    ServerLogger(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        return level != System.Logger.Level.OFF && ServerLogging.wanted(serverLevel(level));
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            ServerLogging.emit(serverLevel(level), line(name, localized(bundle, message), thrown));
        }
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            String pattern = localized(bundle, format);
            String message = params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
            ServerLogging.emit(serverLevel(level), line(name, message, null));
        }
    }

    /** One format for every logging API: {@code logger: message (exception)}. */
    static String line(String logger, String message, Throwable thrown) {
        return logger + ": " + message + (thrown == null ? "" : " (" + thrown + ")");
    }

    private static String localized(ResourceBundle bundle, String key) {
        return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(key);
    }

    private static LogLevel serverLevel(System.Logger.Level level) {
        return ServerLogging.levelOf(switch (level) {
            case ALL, TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR, OFF -> java.util.logging.Level.SEVERE;
        });
    }
}
