package org.pgj.guc;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        Object proxy = Proxy.newProxyInstance(settings.getClassLoader(), new Class<?>[] {settings},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> settings.getSimpleName() + " (" + prefix.value() + ".*)";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> read(prefix.value(), method);
                });
        return settings.cast(proxy);
    }

    private static Object read(String prefix, Method method) {
        String name = prefix + "." + nameOf(method);
        Class<?> type = method.getReturnType();
        if (type.isEnum()) {
            return type.getEnumConstants()[Settings.readEnum(name)];
        }
        if (type == boolean.class) {
            return Settings.readBool(name);
        }
        if (type == int.class) {
            return Settings.readInt(name);
        }
        if (type == double.class) {
            return Settings.readReal(name);
        }
        return Settings.readString(name);
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
