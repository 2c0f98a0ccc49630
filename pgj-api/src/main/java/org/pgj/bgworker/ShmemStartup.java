package org.pgj.bgworker;

import java.io.Serializable;

/**
 * A static worker's shared-memory start-up callback: a reference to a public static method
 * without parameters, run once per server start before the worker's entry point.
 */
@FunctionalInterface
public interface ShmemStartup extends Serializable {
    void run() throws Exception;
}
