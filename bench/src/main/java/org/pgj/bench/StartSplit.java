package org.pgj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's start went, from the DEBUG1 lines pgj-native logs (jvm_boot.c, call_handler.c),
 * which a session with {@code client_min_messages = debug1} receives as notices: JVM creation,
 * the Java runtime's boot, and each function's resolution; and the CPU the process (all its threads)
 * had used when the runtime was booted, NaN from a pgj that does not log it.
 */
record StartSplit(double createdMs, double bootedMs, double resolvedMs, double cpuMs) {
    /** What a session sets so its JVM's start reports its split. */
    static final String REPORTING = "SET client_min_messages = debug1";
    private static final Pattern BOOT = Pattern.compile("pgj: JVM created in (\\d+) ms, Java runtime booted in (\\d+) ms");
    private static final Pattern CPU = Pattern.compile("process CPU so far (\\d+) ms");
    private static final Pattern RESOLVED = Pattern.compile("pgj: resolved .* in (\\d+) ms");

    /** The split of the one JVM start in {@code notices} (a session's first call), or null if it has none. */
    static StartSplit of(List<String> notices) {
        List<StartSplit> all = every(notices);
        return all.isEmpty() ? null : all.getFirst();
    }

    /**
     * Every JVM start in {@code notices}, e.g. one per parallel worker; resolutions are paired with
     * starts in order, and count 0 where there are fewer.
     */
    static List<StartSplit> every(List<String> notices) {
        List<double[]> boots = new ArrayList<>();
        List<Double> resolutions = new ArrayList<>();
        for (String notice : notices) {
            Matcher boot = BOOT.matcher(notice);
            Matcher resolved = RESOLVED.matcher(notice);
            if (boot.find()) {
                Matcher cpu = CPU.matcher(notice);
                boots.add(new double[] {Double.parseDouble(boot.group(1)), Double.parseDouble(boot.group(2)),
                        cpu.find() ? Double.parseDouble(cpu.group(1)) : Double.NaN});
            } else if (resolved.find()) {
                resolutions.add(Double.parseDouble(resolved.group(1)));
            }
        }
        List<StartSplit> splits = new ArrayList<>();
        for (int i = 0; i < boots.size(); i++) {
            double[] boot = boots.get(i);
            splits.add(new StartSplit(boot[0], boot[1], i < resolutions.size() ? resolutions.get(i) : 0, boot[2]));
        }
        return splits;
    }

    /** JVM creation and the runtime's boot: the part every backend pays once, whatever it calls. */
    double startMs() {
        return createdMs + bootedMs;
    }
}
