package org.pgj.internal.encoding;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.pgj.internal.nativecall.Native.ALL;

import java.lang.foreign.MemorySegment;

/**
 * Server text is copied out of server memory into a buffer kept per thread and decoded from it,
 * which saves allocating (and zeroing) a byte[] per value; values above 16 MB get their own.
 */
final class ScratchBytes {
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
    private static final int SCRATCH_MAX = 16 << 20;

    private ScratchBytes() {
    }

    /** The {@code length} bytes at {@code address}, at the start of a buffer that may be longer. */
    static byte[] copy(long address, int length) {
        byte[] bytes = length <= SCRATCH_MAX ? scratch(length) : new byte[length];
        MemorySegment.copy(ALL, JAVA_BYTE, address, bytes, 0, length);
        return bytes;
    }

    private static byte[] scratch(int length) {
        byte[] buffer = SCRATCH.get();
        if (buffer == null || buffer.length < length) {
            buffer = new byte[Math.max(length, Math.min(SCRATCH_MAX, buffer == null ? 256 : buffer.length * 2))];
            SCRATCH.set(buffer);
        }
        return buffer;
    }
}
