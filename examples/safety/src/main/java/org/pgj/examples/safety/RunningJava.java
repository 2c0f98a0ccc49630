package org.pgj.examples.safety;

import org.pgj.spi.Spi;

/**
 * Tells a watching session that the backend now runs Java: the tests cancel only once it does,
 * so that they stop Java code and not the server's own.
 */
final class RunningJava {
    /** What pg_stat_activity.application_name shows from then on, until the statement ends. */
    static final String APPLICATION_NAME = "pgj: running Java";

    private RunningJava() {
    }

    static void announce() {
        Spi.run("select set_config('application_name', $1, false)", APPLICATION_NAME);
    }
}
