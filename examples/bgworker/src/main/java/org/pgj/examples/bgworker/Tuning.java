package org.pgj.examples.bgworker;

import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.guc.Gucs;

/** Reads the settings from Java, so tests can compare them with SHOW. */
public final class Tuning {
    private static final TuningSettings SETTINGS = Gucs.of(TuningSettings.class);

    private Tuning() {
    }

    @PgFunction(volatility = Volatility.VOLATILE)
    public static String showTuning() {
        return "enabled=" + SETTINGS.enabled() + " batch_size=" + SETTINGS.batchSize() + " sample_rate="
                + SETTINGS.sampleRate() + " greeting=" + SETTINGS.greeting() + " mode=" + SETTINGS.mode();
    }
}
