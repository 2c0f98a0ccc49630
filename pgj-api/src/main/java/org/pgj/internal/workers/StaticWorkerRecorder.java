package org.pgj.internal.workers;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an extension's {@code @StaticWorkerRegistration} methods at build time, outside any
 * server, and collects the workers their {@code BackgroundWorkerBuilder.load()} calls declare:
 * Java cannot run in the postmaster, so the build turns them into manifest lines that the
 * native runtime registers at server start. The build tool calls {@link #record} reflectively,
 * in a class loader holding the extension's classes and this pgj-api.
 */
public final class StaticWorkerRecorder {
    private static String extension;
    private static List<WorkerDeclaration> declared;

    private StaticWorkerRecorder() {
    }

    /** The extension being recorded, or null when no recording runs (then load() is refused). */
    public static String extension() {
        return extension;
    }

    public static void add(WorkerDeclaration worker) {
        List<String> problems = worker.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("static background worker \"" + worker.name() + "\": "
                    + String.join("; ", problems));
        }
        declared.add(worker);
    }

    /**
     * Runs each {@code Class#method} of {@code registrations} (public static, no parameters) and
     * returns the manifest lines of the workers they load, one per line.
     */
    public static synchronized String record(String extensionName, String[] registrations, ClassLoader loader)
            throws ReflectiveOperationException {
        extension = extensionName;
        declared = new ArrayList<>();
        try {
            for (String registration : registrations) {
                int hash = registration.indexOf('#');
                Method m = Class.forName(registration.substring(0, hash), true, loader)
                        .getMethod(registration.substring(hash + 1));
                if (!Modifier.isStatic(m.getModifiers())) {
                    throw new IllegalArgumentException(registration + " is not static");
                }
                m.invoke(null);
            }
            StringBuilder lines = new StringBuilder();
            declared.forEach(w -> lines.append(w.manifestLine()).append('\n'));
            return lines.toString();
        } finally {
            extension = null;
            declared = null;
        }
    }
}
