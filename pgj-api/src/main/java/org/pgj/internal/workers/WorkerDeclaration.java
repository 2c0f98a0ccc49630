package org.pgj.internal.workers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A static worker as the runtime manifest records it (format in pgj-native's manifest.c).
 * Both declarations write it: {@code @StaticBackgroundWorker} through the processor, and
 * {@code BackgroundWorkerBuilder.load()} while the build records static workers.
 *
 * @param startTime  "postmaster", "consistent" or "recovery"
 * @param instances  a number, or the name of an int setting
 * @param shmemStartup "Class#method" run once per server start before the entry points, or ""
 */
public record WorkerDeclaration(String extension, String name, String type, String className, String method,
        String startTime, int restartSeconds, boolean spiAccess, String database, String user, int argument,
        String instances, String extra, String shmemStartup) {
    /** PostgreSQL's BGW_MAXLEN - 1 and BGW_EXTRALEN. */
    public static final int MAX_NAME_BYTES = 95;
    public static final int MAX_EXTRA_BYTES = 128;

    /** What is wrong with the declaration; empty if nothing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String text : List.of(name, type, database, user, extra)) {
            if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                problems.add("text may not contain tabs or line breaks: \"" + text + "\"");
            }
        }
        for (String text : List.of(name, type)) {
            if (text.isEmpty() || bytes(text.replace("%d", "0000000000")) > MAX_NAME_BYTES
                    || text.replace("%d", "").contains("%")) {
                problems.add("name and type must be 1 to " + MAX_NAME_BYTES
                        + " bytes, with no % other than %d (the instance number): \"" + text + "\"");
            }
        }
        if (bytes(extra) > MAX_EXTRA_BYTES) {
            problems.add("extra is " + bytes(extra) + " bytes; at most " + MAX_EXTRA_BYTES);
        }
        if (restartSeconds < -1) {
            problems.add("the restart time must be -1 (never) or more seconds");
        }
        if ((spiAccess || !database.isEmpty()) && !startTime.equals("recovery")) {
            problems.add("a worker with SPI access must start at RECOVERY_FINISHED");
        }
        return problems;
    }

    /** The manifest's name of a start time. */
    public static String startTime(org.pgj.bgworker.BgWorkerStartTime time) {
        return switch (time) {
            case POSTMASTER_START -> "postmaster";
            case CONSISTENT_STATE -> "consistent";
            case RECOVERY_FINISHED -> "recovery";
        };
    }

    public String manifestLine() {
        return String.join("\t", "worker", extension, name, type, className, method, startTime,
                Integer.toString(restartSeconds), spiAccess || !database.isEmpty() ? "spi" : "", database, user,
                Integer.toString(argument), instances, extra, shmemStartup);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
