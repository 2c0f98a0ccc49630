package org.pgj.internal.boot;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.pgj.internal.nativecall.Native;

/**
 * Sets up, on a second core, what a backend's first call needs besides loading the
 * extension's class: native memory access (the first segment access alone took 21-35 ms,
 * measured with timers in Boot on 2 CPUs), the type mappings' method handles and the class-file
 * API that rewrites classes and generates invokers. Boot starts it once the facts are read; the
 * backend thread meanwhile loads the function's class, and finds the rest ready or waits for it
 * (class initialisation is shared, so nothing is done twice). It touches no server state.
 */
final class FirstCallWarmup {
    private FirstCallWarmup() {
    }

    static void start() {
        Thread.ofPlatform().name("pgj first-call warm-up").daemon().start(FirstCallWarmup::run);
    }

    private static void run() {
        try {
            memoryAccess();
            Class.forName("org.pgj.internal.datum.TypeMappings", true, FirstCallWarmup.class.getClassLoader());
            classFiles();
        } catch (Throwable ignored) {
            // Only a warm-up: the backend thread does the same work itself if this failed.
        }
    }

    private static void memoryAccess() {
        try (Arena arena = Arena.ofConfined()) {
            long at = arena.allocate(64, 8).address();
            MemorySegment all = Native.ALL;
            all.set(ValueLayout.JAVA_LONG, at, all.get(ValueLayout.JAVA_LONG, at) + 1);
            all.set(ValueLayout.JAVA_INT, at, all.get(ValueLayout.JAVA_INT, at) + 1);
            all.set(ValueLayout.JAVA_SHORT, at, (short) (all.get(ValueLayout.JAVA_SHORT, at) + 1));
            all.set(ValueLayout.JAVA_BYTE, at, (byte) (all.get(ValueLayout.JAVA_BYTE, at) + 1));
            all.set(ValueLayout.JAVA_DOUBLE, at, all.get(ValueLayout.JAVA_DOUBLE, at) + 1);
            all.set(ValueLayout.JAVA_FLOAT, at, all.get(ValueLayout.JAVA_FLOAT, at) + 1);
            byte[] bytes = new byte[8];
            MemorySegment.copy(all, ValueLayout.JAVA_BYTE, at, bytes, 0, bytes.length);
            MemorySegment.copy(bytes, 0, all, ValueLayout.JAVA_BYTE, at, bytes.length);
        }
    }

    /** Parses this class's own bytes from its jar and builds a class, as the rewriter and generator do. */
    private static void classFiles() throws Exception {
        byte[] own;
        try (InputStream in = FirstCallWarmup.class.getResourceAsStream("FirstCallWarmup.class")) {
            own = in.readAllBytes();
        }
        ClassFile.of().transformClass(ClassFile.of().parse(own), (builder, element) -> builder.with(element));
        ClassFile.of().build(ClassDesc.of("org.pgj.internal.Warm"), cls -> { });
    }
}
