package org.pgj.hooks;

/** The next hook, or the server's own function: call it once, where the hook wants it to run. */
@FunctionalInterface
public interface Proceed {
    void proceed();
}
