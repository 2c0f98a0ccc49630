package org.pgj.examples.bgworker;

import org.pgj.guc.BoolSetting;
import org.pgj.guc.EnumSetting;
import org.pgj.guc.GucContext;
import org.pgj.guc.GucSettings;
import org.pgj.guc.IntSetting;
import org.pgj.guc.RealSetting;
import org.pgj.guc.StringSetting;

/** One setting of each kind, read from Java by {@code show_tuning()}. */
@GucSettings("bgworker")
public interface TuningSettings {
    enum Mode { FAST, CAREFUL }

    @BoolSetting(defaultValue = true, description = "Whether job workers take jobs.")
    boolean enabled();

    @IntSetting(defaultValue = 100, min = 1, max = 1000, description = "Jobs per transaction.")
    int batchSize();

    @RealSetting(defaultValue = 0.5, min = 0, max = 1, context = GucContext.SUPERUSER,
            description = "Share of jobs whose timing is logged.")
    double sampleRate();

    @StringSetting(defaultValue = "hello", description = "What the workers say.")
    String greeting();

    @EnumSetting(defaultValue = "FAST", description = "How jobs are run.")
    Mode mode();
}
