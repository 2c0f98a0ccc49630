package org.pgj.examples.safety;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.pgj.functions.PgFunction;

/** Java that needs a lot of memory for one statement, and the JVM's limits. */
public final class Memory {
    private Memory() {
    }

    /** Holds {@code megabytes} of live arrays at once, then lets them go; returns how many it made. */
    @PgFunction
    public static int holdMegabytes(int megabytes) {
        byte[][] chunks = new byte[megabytes][];
        for (int i = 0; i < megabytes; i++) {
            chunks[i] = new byte[1 << 20];
            chunks[i][i % (1 << 20)] = (byte) i;
        }
        return chunks.length;
    }

    /** A JVM option's value, as the JVM of this backend runs with it (MaxHeapSize, MaxMetaspaceSize, ...). */
    @PgFunction
    public static String jvmOption(String name) {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    }
}
