package org.pgj.internal;

import static org.pgj.internal.Native.ALL;

import java.lang.foreign.ValueLayout;
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

    static void load(long table) {
        Map<String, Long> read = new HashMap<>();
        for (long entry = table; ; entry += 16) {
            long name = ALL.get(ValueLayout.JAVA_LONG, entry);
            if (name == 0) {
                break;
            }
            read.put(Native.readCString(name), ALL.get(ValueLayout.JAVA_LONG, entry + 8));
        }
        facts = Map.copyOf(read);
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
