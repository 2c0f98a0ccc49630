package org.pgj.bgworker;

import java.io.Serializable;

/**
 * A worker's entry point: a reference to a public static method such as {@code MyWorker::main}.
 * The worker is another process, so pgj passes the method's class and name, never the object:
 * a lambda or an instance method cannot be started that way, and is refused.
 */
@FunctionalInterface
public interface BackgroundWorkerMain extends Serializable {
    /** Runs the worker; {@code argument} is the builder's {@link BackgroundWorkerBuilder#argument(int)}. */
    void run(int argument) throws Exception;
}
