package org.pgj.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's provider inside a pgj backend: loggers that hand each record to
 * {@code System.getLogger}, which pgj's runtime sends to the server log at the matching level.
 * It needs nothing of pgj at compile time, so a library's SLF4J calls reach the server log when
 * the extension adds this artifact beside it.
 */
public final class ServerLogProvider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = SystemLoggerAdapter::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }
}
