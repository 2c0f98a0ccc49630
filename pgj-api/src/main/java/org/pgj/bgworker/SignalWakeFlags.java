package org.pgj.bgworker;

/** The signals a worker asks to be told about (see {@link BackgroundWorker#attachSignalHandlers}). */
public enum SignalWakeFlags {
    /**
     * Reload the configuration; {@link BackgroundWorker#sighupReceived()} reports it. pgj records
     * SIGHUP from the worker's start whether or not it is attached, so this is for ported code.
     */
    SIGHUP,
    /**
     * Stop when the worker sees it: {@link BackgroundWorker#sigtermReceived()} reports it, latch
     * waits return false. Without it, SIGTERM terminates the worker.
     */
    SIGTERM
}
