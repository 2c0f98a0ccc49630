package org.pgj.bgworker;

/** When the postmaster starts a background worker. */
public enum BgWorkerStartTime {
    /** As soon as the postmaster has started, before recovery; no database access. */
    POSTMASTER_START,
    /** Once a hot standby accepts read-only connections. */
    CONSISTENT_STATE,
    /** Once the server accepts read-write connections: what a worker using SPI needs. */
    RECOVERY_FINISHED
}
