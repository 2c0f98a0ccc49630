package org.pgj.examples.workerspi;

import org.pgj.guc.GucContext;
import org.pgj.guc.GucSettings;
import org.pgj.guc.IntSetting;
import org.pgj.guc.StringSetting;

/** worker_spi's settings, as the C module defines them. */
@GucSettings("worker_spi")
public interface WorkerSpiSettings {
    @IntSetting(defaultValue = 10, min = 1, max = Integer.MAX_VALUE, context = GucContext.SIGHUP,
            description = "Duration between each check (in seconds).")
    int naptime();

    @IntSetting(defaultValue = 2, min = 1, max = 100, context = GucContext.POSTMASTER,
            description = "Number of workers.")
    int totalWorkers();

    @StringSetting(defaultValue = "postgres", context = GucContext.POSTMASTER,
            description = "Database to connect to.")
    String database();
}
