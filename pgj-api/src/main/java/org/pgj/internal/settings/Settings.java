package org.pgj.internal.settings;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.Map;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * Extension settings, defined by the native runtime from the manifests (manifest.c). Values
 * are read where the server writes them, so a reload or SET shows at the next read.
 */
public final class Settings {
    private static final Map<String, Long> ADDRESSES = new HashMap<>();

    private Settings() {
    }

    private static final class Layout {
        static final long LOOKUP = Facts.get("fn.pgj_setting");
        static final long KIND = Facts.get("PgjSetting.kind");
        static final long BOOL = Facts.get("PgjSetting.bool_value");
        static final long INT = Facts.get("PgjSetting.int_value");
        static final long REAL = Facts.get("PgjSetting.real_value");
        static final long STRING = Facts.get("PgjSetting.string_value");
    }

    /** The PgjSetting manifest.c defined under {@code name}; 0 for none. */
    @CFunction(value = "PgjSetting *pgj_setting(const char *)", call = CFunction.Call.DIRECT)
    private static long setting(long name) {
        return Native.direct(Layout.LOOKUP, name);
    }

    private static long setting(String name, char kind) {
        if (!Backend.isRunning()) {
            throw new IllegalStateException("setting " + name + " can only be read inside PostgreSQL");
        }
        Backend.checkThread();
        Long address = ADDRESSES.get(name);
        if (address == null) {
            try (Arena arena = Arena.ofConfined()) {
                address = setting(Native.cString(arena, name));
            }
            if (address == 0) {
                throw new IllegalStateException("setting " + name + " is not defined in this server: install the"
                        + " extension that declares it (its manifest goes to $sharedir/extension/<extension>.pgj)");
            }
            ADDRESSES.put(name, address);
        }
        int actual = Native.ALL.get(JAVA_INT, address + Layout.KIND);
        if (actual != kind) {
            throw new IllegalStateException("setting " + name + " is declared as '" + (char) actual
                    + "', not '" + kind + "': the installed manifest and the code differ; reinstall the extension");
        }
        return address;
    }

    public static boolean readBool(String name) {
        return Native.ALL.get(java.lang.foreign.ValueLayout.JAVA_BYTE, setting(name, 'b') + Layout.BOOL) != 0;
    }

    public static int readInt(String name) {
        return Native.ALL.get(JAVA_INT, setting(name, 'i') + Layout.INT);
    }

    /** The index of an enum setting's value among its options (the enum's ordinal). */
    public static int readEnum(String name) {
        return Native.ALL.get(JAVA_INT, setting(name, 'e') + Layout.INT);
    }

    public static double readReal(String name) {
        return Native.ALL.get(JAVA_DOUBLE, setting(name, 'r') + Layout.REAL);
    }

    public static String readString(String name) {
        long value = Native.readLong(setting(name, 's') + Layout.STRING);
        return ServerEncoding.readCString(value);
    }
}
