package org.pgj.internal.nativecall;

import java.util.HashMap;
import java.util.Map;

/**
 * The facts table of the native runtime (facts.c): offsets, OIDs, constants and addresses of
 * this server build, read once at boot. Nothing about the server's layout is hard-coded in
 * Java.
 */
public final class Facts {
    private static Map<String, Long> facts = Map.of();

    private Facts() {
    }

    /** Reads facts.c's table, as jvm_boot.c hands it over: the names one per line, the values in order. */
    public static void load(String names, long[] values) {
        Map<String, Long> read = HashMap.newHashMap(values.length);
        int start = 0;
        for (long value : values) {
            int end = names.indexOf('\n', start);
            read.put(names.substring(start, end), value);
            start = end + 1;
        }
        facts = read;
    }

    /** The value of a fact; a missing one means pgj.so and pgj-api.jar do not match. */
    public static long get(String name) {
        Long value = facts.get(name);
        if (value == null) {
            throw new IllegalStateException("pgj.so has no fact '" + name
                    + "': the native runtime and pgj-api.jar come from different pgj versions; reinstall the extension");
        }
        return value;
    }

    public static int getInt(String name) {
        return Math.toIntExact(get(name));
    }

    public static String getString(String name) {
        return Native.readCString(get(name));
    }
}
