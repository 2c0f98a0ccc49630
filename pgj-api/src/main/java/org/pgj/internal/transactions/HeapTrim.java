package org.pgj.internal.transactions;

/**
 * Gives back the heap a statement grew, at the end of its transaction: a backend's Java heap
 * otherwise stays at its high-water mark until the session ends, and a few sessions that each
 * once needed a lot would hold that memory for good. When the heap has grown more than
 * {@link #SLACK} beyond what it was after the last trim (or at start), a full collection runs;
 * the JVM flags pgj starts with (pgj-native's jvm_boot.c) make the serial collector then shrink
 * the heap at once, and return the pages to the system. Small heaps are left alone, so a
 * transaction pays one comparison.
 */
public final class HeapTrim {
    static final long SLACK = 16L << 20;
    /** From the heap's size at the JVM's start, before any statement could grow it. */
    private static long threshold = Runtime.getRuntime().totalMemory() + SLACK;

    private HeapTrim() {
    }

    /** Called at boot, so that the threshold is taken before any extension code runs. */
    public static void start() {
    }

    public static void afterTransaction() {
        Runtime runtime = Runtime.getRuntime();
        if (runtime.totalMemory() > threshold) {
            System.gc();
            // What is still committed is live data: trimming again before it grows more would only cost time.
            threshold = runtime.totalMemory() + SLACK;
        }
    }
}
