package org.pgj.internal.shmem;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.pgj.shmem.SharedMemory;

/**
 * Reads an extension's {@code @SharedMemory} fields at build time, outside any server, and
 * returns their manifest lines: the postmaster creates the areas before any Java runs. The build
 * tool calls {@link #record} reflectively, in a class loader holding the extension's classes
 * and this pgj-api; initialising each class runs only its declarations.
 */
public final class SharedMemoryRecorder {
    private SharedMemoryRecorder() {
    }

    public static String record(String extensionName, String[] classes, ClassLoader loader) throws ReflectiveOperationException {
        StringBuilder lines = new StringBuilder();
        for (String name : classes) {
            for (Field f : Class.forName(name, true, loader).getDeclaredFields()) {
                if (!f.isAnnotationPresent(SharedMemory.class)) {
                    continue;
                }
                if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isFinal(f.getModifiers())) {
                    throw new IllegalArgumentException(name + "." + f.getName() + " must be static final");
                }
                f.setAccessible(true);
                if (!(f.get(null) instanceof SharedDeclaration area)) {
                    throw new IllegalArgumentException(name + "." + f.getName() + " holds no shared-memory area");
                }
                lines.append(area.manifestLine(extensionName)).append('\n');
            }
        }
        return lines.toString();
    }
}
