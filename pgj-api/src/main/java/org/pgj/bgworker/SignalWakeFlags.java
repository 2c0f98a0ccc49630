package org.pgj.bgworker;

/** The signals a worker asks to be told about (see {@link BackgroundWorker#attachSignalHandlers}). */
public enum SignalWakeFlags {
    /** Reload the configuration; {@link BackgroundWorker#sighupReceived()} reports it. */
    SIGHUP,
    /** Stop; {@link BackgroundWorker#sigtermReceived()} reports it, and latch waits return false. */
    SIGTERM
}
