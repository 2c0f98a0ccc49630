package org.pgj.guc;

/** Who may change a setting, and when it takes effect. */
public enum GucContext {
    /** Only in postgresql.conf or on the command line; a restart applies it. */
    POSTMASTER,
    /** In postgresql.conf; a reload (SIGHUP) applies it. */
    SIGHUP,
    /** Also with SET, by superusers. */
    SUPERUSER,
    /** Also with SET, by anyone. */
    USER
}
