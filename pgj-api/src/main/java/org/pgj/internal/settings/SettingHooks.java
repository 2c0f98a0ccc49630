package org.pgj.internal.settings;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.pgj.Pg;
import org.pgj.errors.PgInterrupt;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;

/**
 * Runs a setting's check, assign or show method for setting_hooks.c, which describes the call in
 * a PgjSettingHookCall: the setting, the hook's class and method, and the value. A check refuses
 * by throwing (its message goes back as the DETAIL), an assign that throws is a WARNING, a show
 * that throws leaves the server's display. A cancel is recorded for the server to raise.
 */
public final class SettingHooks {
    private static final long EXTENSION = Facts.get("PgjSettingHookCall.extension");
    private static final long CLASS_NAME = Facts.get("PgjSettingHookCall.class_name");
    private static final long METHOD = Facts.get("PgjSettingHookCall.method");
    private static final long SETTING = Facts.get("PgjSettingHookCall.setting");
    private static final long KIND = Facts.get("PgjSettingHookCall.kind");
    private static final long HOOK = Facts.get("PgjSettingHookCall.hook");
    private static final long BOOL = Facts.get("PgjSettingHookCall.bool_value");
    private static final long INT = Facts.get("PgjSettingHookCall.int_value");
    private static final long REAL = Facts.get("PgjSettingHookCall.real_value");
    private static final long STRING = Facts.get("PgjSettingHookCall.string_value");
    private static final long TEXT = Facts.get("PgjSettingHookCall.text");
    private static final int TEXT_SIZE = Facts.getInt("PGJ_SETTING_TEXT_SIZE");
    private static final int CHECK = Facts.getInt("PGJ_SETTING_CHECK");
    private static final int ASSIGN = Facts.getInt("PGJ_SETTING_ASSIGN");
    private static final int ACCEPTED = Facts.getInt("PGJ_SETTING_ACCEPTED");
    private static final int REFUSED = Facts.getInt("PGJ_SETTING_REFUSED");
    private static final int SHOWN = Facts.getInt("PGJ_SETTING_SHOWN");
    private static final int FAILED = Facts.getInt("PGJ_SETTING_FAILED");

    /** Methods by extension, class and name, made again when the extension's build is replaced. */
    private static final Map<String, Method> METHODS = new HashMap<>();
    private static int loadedGeneration = -1;

    private SettingHooks() {
    }

    /** From setting_hooks.c (through Boot); never throws. */
    public static int run(long call) {
        int hook = Native.ALL.get(JAVA_INT, call + HOOK);
        String setting = ServerEncoding.readCString(Native.readLong(call + SETTING));
        try {
            Method method = method(ServerEncoding.readCString(Native.readLong(call + EXTENSION)),
                    ServerEncoding.readCString(Native.readLong(call + CLASS_NAME)),
                    ServerEncoding.readCString(Native.readLong(call + METHOD)));
            Object result;
            try {
                result = method.invoke(null, value(call, method.getParameterTypes()[0]));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (hook == CHECK || hook == ASSIGN) {
                return ACCEPTED;
            }
            if (result == null) {
                return ACCEPTED;
            }
            write(call, result.toString());
            return SHOWN;
        } catch (PgInterrupt interrupt) {
            ErrorBridge.record(interrupt);
            return FAILED;
        } catch (Throwable t) {
            if (hook == CHECK) {
                write(call, t.getMessage() != null ? t.getMessage() : t.toString());
                return REFUSED;
            }
            Pg.warning("the " + (hook == ASSIGN ? "assign" : "show") + " hook of setting " + setting + " failed: " + t);
            return ACCEPTED;
        }
    }

    private static Method method(String extension, String className, String name) throws ReflectiveOperationException {
        if (loadedGeneration != ExtensionClassLoaders.generation()) {
            METHODS.clear();
            loadedGeneration = ExtensionClassLoaders.generation();
        }
        String key = extension + "\t" + className + "\t" + name;
        Method m = METHODS.get(key);
        if (m == null) {
            Class<?> c = Class.forName(className, true, ExtensionClassLoaders.forFolder(extension));
            for (Method candidate : c.getDeclaredMethods()) {
                if (candidate.getName().equals(name) && Modifier.isStatic(candidate.getModifiers())
                        && candidate.getParameterCount() == 1) {
                    m = candidate;
                }
            }
            if (m == null) {
                throw new NoSuchMethodException("no static method " + name + " with one parameter in " + className
                        + ": the installed manifest and the code differ; reinstall the extension");
            }
            m.setAccessible(true);
            METHODS.put(key, m);
        }
        return m;
    }

    /** The call's value as the method's parameter type. */
    private static Object value(long call, Class<?> type) {
        int kind = Native.ALL.get(JAVA_INT, call + KIND);
        return switch (kind) {
            case 'b' -> Native.ALL.get(JAVA_BYTE, call + BOOL) != 0;
            case 'i' -> Native.ALL.get(JAVA_INT, call + INT);
            case 'r' -> Native.ALL.get(JAVA_DOUBLE, call + REAL);
            case 'e' -> type.getEnumConstants()[Native.ALL.get(JAVA_INT, call + INT)];
            default -> ServerEncoding.readCString(Native.readLong(call + STRING));
        };
    }

    /** {@code text} into the call's buffer, in the server encoding, cut at a whole character. */
    private static void write(long call, String text) {
        byte[] bytes = ServerEncoding.messageBytes(text);
        int n = ServerEncoding.clip(bytes, TEXT_SIZE - 1);
        MemorySegment.copy(bytes, 0, Native.ALL, JAVA_BYTE, call + TEXT, n);
        Native.ALL.set(JAVA_BYTE, call + TEXT + n, (byte) 0);
    }
}
