package org.pgj;

import org.pgj.internal.nativecall.Facts;

/** PostgreSQL's elog levels below ERROR; raise errors by throwing {@link org.pgj.errors.PgException}. */
public enum LogLevel {
    DEBUG5, DEBUG4, DEBUG3, DEBUG2, DEBUG1,
    /** Server log only (by default), like PostgreSQL's LOG. */
    LOG,
    INFO, NOTICE, WARNING;

    /** This server's numeric level, from its headers. */
    int serverLevel() {
        return Facts.getInt(name());
    }
}
