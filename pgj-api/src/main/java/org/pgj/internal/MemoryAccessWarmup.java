package org.pgj.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Java's first access to native memory sets up the segment var handles, ~25 ms of a backend's
 * first call (measured with timers in Boot, 2 CPUs). Boot starts it on a thread of its own, on
 * memory of its own, while the backend thread loads the extension's class and generates the
 * invoker, which need no native memory: the invoker's first read then finds it done.
 */
final class MemoryAccessWarmup {
    private MemoryAccessWarmup() {
    }

    static void start() {
        Thread.ofPlatform().name("pgj memory access warm-up").daemon().start(MemoryAccessWarmup::run);
    }

    private static void run() {
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
        } catch (Throwable ignored) {
            // Only a warm-up: the backend thread does the same work itself if this failed.
        }
    }
}
