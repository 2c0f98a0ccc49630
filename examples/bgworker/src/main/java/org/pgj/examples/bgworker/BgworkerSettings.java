package org.pgj.examples.bgworker;

import org.pgj.guc.GucContext;
import org.pgj.guc.GucSettings;
import org.pgj.guc.IntSetting;
import org.pgj.guc.StringSetting;

/** The example's settings: {@code bgworker.naptime}, {@code bgworker.database} and {@code bgworker.job_batch}. */
@GucSettings("bgworker")
public interface BgworkerSettings {
    @IntSetting(defaultValue = 10, min = 1, max = 3600, context = GucContext.SIGHUP,
            description = "Seconds between the example worker's rounds.")
    int naptime();

    @StringSetting(defaultValue = "postgres", context = GucContext.POSTMASTER,
            description = "Database the example worker connects to.")
    String database();

    @IntSetting(defaultValue = 500, min = 1, max = 100000, context = GucContext.SIGHUP,
            description = "Jobs a job queue worker claims in one transaction.")
    int jobBatch();
}
