package org.pgj.internal.logging;

/**
 * {@code System.getLogger} of extension code, of its libraries and of the JDK: loggers whose
 * records go to the server log (module-info provides it, so the JDK finds it at the first
 * {@code System.getLogger}).
 */
public final class ServerLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new ServerLogger(name);
    }
}
