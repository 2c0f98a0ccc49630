package org.pgj.slf4j;

import java.lang.System.Logger.Level;
import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger over a {@code System.Logger} of the same name: SLF4J's ERROR, WARN, INFO,
 * DEBUG and TRACE are System.Logger's levels of the same names; the enabled checks ask it, so
 * they follow the server's log_min_messages and client_min_messages.
 */
final class SystemLoggerAdapter extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient System.Logger target;

    SystemLoggerAdapter(String name) {
        this.name = name;
        this.target = System.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isLoggable(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isLoggable(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isLoggable(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isLoggable(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
            Object[] arguments, Throwable throwable) {
        Level systemLevel = switch (level) {
            case ERROR -> Level.ERROR;
            case WARN -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.DEBUG;
            case TRACE -> Level.TRACE;
        };
        target.log(systemLevel, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
    }
}
