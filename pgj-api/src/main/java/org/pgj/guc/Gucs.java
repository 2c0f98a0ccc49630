package org.pgj.guc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.pgj.internal.settings.Settings;
import org.pgj.internal.settings.SnakeCase;

/** Reads an extension's settings (see {@link GucSettings}). */
public final class Gucs {
    private Gucs() {
    }

    /**
     * An implementation of {@code settings} whose methods return the settings' current values:
     * after a reload (SIGHUP) or a SET, the next call sees the new value.
     */
    public static <T> T of(Class<T> settings) {
        GucSettings prefix = settings.getAnnotation(GucSettings.class);
        if (!settings.isInterface() || prefix == null) {
            throw new IllegalArgumentException(settings.getName() + " is not an interface annotated with @GucSettings");
        }
        // Each method's reader is made once: a call then costs a map lookup and a memory read,
        // not reflection, which matters to functions that read a setting at every row.
        Map<Method, Supplier<Object>> readers = new HashMap<>();
        for (Method method : settings.getMethods()) {
            if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
                readers.put(method, reader(prefix.value() + "." + nameOf(method), method.getReturnType()));
            }
        }
        Object proxy = Proxy.newProxyInstance(settings.getClassLoader(), new Class<?>[] {settings},
                (self, method, args) -> {
                    Supplier<Object> reader = readers.get(method);
                    if (reader != null) {
                        return reader.get();
                    }
                    return switch (method.getName()) {
                        case "toString" -> settings.getSimpleName() + " (" + prefix.value() + ".*)";
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException(method.toString());
                    };
                });
        return settings.cast(proxy);
    }

    private static Supplier<Object> reader(String name, Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return () -> constants[Settings.readEnum(name)];
        }
        if (type == boolean.class) {
            return () -> Settings.readBool(name);
        }
        if (type == int.class) {
            return () -> Settings.readInt(name);
        }
        if (type == double.class) {
            return () -> Settings.readReal(name);
        }
        return () -> Settings.readString(name);
    }

    /** The setting name after the prefix: the annotation's, else the method's in snake_case. */
    public static String nameOf(Method method) {
        String declared = "";
        if (method.getAnnotation(BoolSetting.class) instanceof BoolSetting s) {
            declared = s.name();
        } else if (method.getAnnotation(IntSetting.class) instanceof IntSetting s) {
            declared = s.name();
        } else if (method.getAnnotation(RealSetting.class) instanceof RealSetting s) {
            declared = s.name();
        } else if (method.getAnnotation(StringSetting.class) instanceof StringSetting s) {
            declared = s.name();
        } else if (method.getAnnotation(EnumSetting.class) instanceof EnumSetting s) {
            declared = s.name();
        }
        return declared.isEmpty() ? SnakeCase.of(method.getName()) : declared;
    }
}
